"""Pen pictures demo content: worker1 has a pen picture with two versions (the first is current). Idempotent."""


def seed(log):
    from people.models import User

    from . import services
    from .models import PenPicture

    worker = User.objects.filter(email="worker1@example.org").first()
    if worker is None or PenPicture.objects.filter(owner=worker, current__isnull=False).exists():
        return
    texts = {
        "who_i_am": f"I am {worker.first_name}. I am your named social worker. I like to take my time and listen.",
        "what_i_do": "I help you plan the support you want, and I check that it is working for you.",
        "what_i_enjoy": "Walking my dog, baking bread and watching football.",
        "how_to_reach_me": "Phone the team on 01632 960000, Monday to Friday, 9am to 5pm. "
                           "When I am away, ask for the duty worker.",
    }
    first = services.save_version(worker, texts=texts)
    services.save_version(worker, texts={**texts, "what_i_enjoy": "Walking my dog and baking bread."})
    services.make_current(worker, first)  # the worker hands over the version they prefer
    log("Pen pictures: worker1@example.org has a pen picture with two versions")
