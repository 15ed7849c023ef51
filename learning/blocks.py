"""StreamField blocks for reflective templates: one block per prompt the worker answers."""

from wagtail import blocks

ANSWER_TYPES = [
    ("long_text", "Long text"),
    ("short_text", "Short text"),
    ("choice", "Choice"),
    ("scale", "Scale of 1 to 5"),
    ("date", "Date"),
]


class PromptBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=r"^[a-z][a-z0-9_]{0,49}$",
        help_text="A short machine name, for example 'feelings' (lower case letters, digits, underscores). "
        "Use 'peer_reflection' for the question about discussing the learning with a peer.",
    )
    heading = blocks.CharBlock(max_length=200)
    guidance = blocks.TextBlock(required=False)
    answer_type = blocks.ChoiceBlock(choices=ANSWER_TYPES, default="long_text")
    required = blocks.BooleanBlock(required=False, default=True)
    choices = blocks.ListBlock(
        blocks.CharBlock(max_length=200), required=False, help_text="Only for answer type 'Choice'."
    )

    class Meta:
        icon = "help"
        label = "Prompt"
