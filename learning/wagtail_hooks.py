"""Admin screens for practice leads: reflective templates and frameworks."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Framework, FrameworkStatement, ReflectiveTemplate


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


class LearningGroup(SnippetViewSetGroup):
    menu_label = "Learning"
    menu_icon = "doc-full"
    items = (ReflectiveTemplateViewSet, FrameworkViewSet, FrameworkStatementViewSet)


register_snippet(LearningGroup)
