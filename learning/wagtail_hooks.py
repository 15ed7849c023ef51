"""Admin screens for practice leads: reflective templates, frameworks and the identifier names list."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Framework, FrameworkStatement, IdentifierName, ReflectiveTemplate


class ReflectiveTemplateViewSet(SnippetViewSet):
    model = ReflectiveTemplate
    icon = "form"
    menu_label = "Reflective templates"
    list_display = ["name", "is_cpd_record", "is_active"]
    search_fields = ["name", "summary"]


class FrameworkViewSet(SnippetViewSet):
    model = Framework
    icon = "list-ul"
    menu_label = "Frameworks"
    list_display = ["name", "short_name", "is_local", "is_active"]
    search_fields = ["name", "short_name"]


class FrameworkStatementViewSet(SnippetViewSet):
    model = FrameworkStatement
    icon = "tick"
    menu_label = "Framework statements"
    list_display = ["__str__", "domain"]
    list_filter = ["domain__framework"]
    search_fields = ["title", "summary"]


class IdentifierNameViewSet(SnippetViewSet):
    model = IdentifierName
    icon = "warning"
    menu_label = "Names to flag in logs"
    search_fields = ["name"]


class LearningGroup(SnippetViewSetGroup):
    menu_label = "Learning"
    menu_icon = "doc-full"
    items = (ReflectiveTemplateViewSet, FrameworkViewSet, FrameworkStatementViewSet, IdentifierNameViewSet)


register_snippet(LearningGroup)
