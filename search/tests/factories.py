"""Factories for directory records. Most tests build services through these; import tests use files."""

import factory

from search import models as m


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Organization

    name = factory.Sequence(lambda n: f"Community Trust {n}")
    description = "A local charity."


class TaxonomyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Taxonomy

    name = factory.Sequence(lambda n: f"Taxonomy {n}")
    description = "Categories of support."


class TaxonomyTermFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.TaxonomyTerm

    taxonomy = factory.SubFactory(TaxonomyFactory)
    name = factory.Sequence(lambda n: f"Term {n}")
    description = "A kind of support."


class LocationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Location

    name = factory.Sequence(lambda n: f"Community Centre {n}")
    latitude = 52.3052
    longitude = -1.9431


class AddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Address

    location = factory.SubFactory(LocationFactory)
    address_1 = "1 Church Road"
    city = "Redditch"
    state_province = "Worcestershire"
    postal_code = "B97 4DN"


class ServiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Service

    organization = factory.SubFactory(OrganizationFactory)
    name = factory.Sequence(lambda n: f"Short breaks service {n}")
    description = "Overnight short breaks for young people with learning disabilities."
    status = m.ServiceStatus.ACTIVE
    assured_date = factory.LazyFunction(lambda: __import__("datetime").date.today())


def add_location(service, latitude=52.3052, longitude=-1.9431, postcode="B97 4DN", name=None):
    location = LocationFactory(latitude=latitude, longitude=longitude, **({"name": name} if name else {}))
    AddressFactory(location=location, postal_code=postcode)
    return m.ServiceAtLocation.objects.create(service=service, location=location)


def add_term(service, term):
    return m.ServiceAttribute.objects.create(service=service, taxonomy_term=term, link_type="service_category")


class PostcodeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = m.Postcode
        django_get_or_create = ["postcode"]

    postcode = "B97 4DN"
    outward = factory.LazyAttribute(lambda o: o.postcode.split()[0])
    latitude = 52.3052
    longitude = -1.9431
    district_code = "E07000236"
    county_code = "E10000034"
