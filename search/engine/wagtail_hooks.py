"""The glossary in the Wagtail admin: practice leads add abbreviations and jargon there."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import EverydayPhrase, GlossaryTerm


class GlossaryTermViewSet(SnippetViewSet):
    model = GlossaryTerm
    icon = "list-ul"
    menu_label = "Search glossary"
    menu_name = "search-glossary"
    add_to_admin_menu = True
    menu_order = 310
    url_prefix = "directory/glossary"
    list_display = ["term", "expansions", "source", "in_use", "updated_at"]
    list_filter = ["source", "in_use"]
    search_fields = ["term", "expansions"]
    ordering = ["term"]


register_snippet(GlossaryTermViewSet)


class EverydayPhraseViewSet(SnippetViewSet):
    model = EverydayPhrase
    icon = "list-ul"
    menu_label = "Search everyday words"
    menu_name = "search-everyday-words"
    add_to_admin_menu = True
    menu_order = 311
    url_prefix = "directory/everyday-words"
    list_display = ["need", "phrases", "service_terms", "source", "in_use", "updated_at"]
    list_filter = ["source", "in_use"]
    search_fields = ["need", "phrases", "service_terms"]
    ordering = ["need"]


register_snippet(EverydayPhraseViewSet)
