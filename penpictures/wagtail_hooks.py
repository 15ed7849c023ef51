"""Practice leads edit the conversation guide's prompts and the pen picture's layout (Snippets)."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ConversationPrompt, PenPictureLayout


class ConversationPromptViewSet(SnippetViewSet):
    model = ConversationPrompt
    icon = "help"
    menu_label = "Conversation guide prompts"
    list_display = ["heading", "sort_order"]
    ordering = ["sort_order"]


class PenPictureLayoutViewSet(SnippetViewSet):
    model = PenPictureLayout
    icon = "doc-full"
    menu_label = "Pen picture layout"
    list_display = ["title", "photo_position"]


class PenPictureViewSetGroup(SnippetViewSetGroup):
    items = (ConversationPromptViewSet, PenPictureLayoutViewSet)
    menu_icon = "user"
    menu_label = "Pen pictures"
    menu_name = "pen-pictures"


register_snippet(PenPictureViewSetGroup)
