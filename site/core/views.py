from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from wagtail.models import Page


def page_search(request):
    """Search the guidance pages (Wagtail's page search)."""
    query = request.GET.get("q", "").strip()
    results = Page.objects.live().specific().search(query) if query else Page.objects.none()
    page = Paginator(results, 20).get_page(request.GET.get("page"))
    return render(request, "core/page_search.html", {"query": query, "results": page})


@login_not_required
def health(request):
    """For load balancers: the app answers and the database responds."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request, exception=None):
    return render(request, "403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    return render(request, "500.html", status=500)
