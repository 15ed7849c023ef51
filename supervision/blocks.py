"""StreamField blocks for supervision templates: typed sections, each with guidance and prompts."""

from wagtail import blocks

SECTION_KINDS = [
    ("agenda", "Agenda"),
    ("check_in", "Check-in and wellbeing"),
    ("case_discussion", "Case discussion"),
    ("workload", "Workload and caseload"),
    ("learning", "Learning and development"),
    ("action_review", "Review of actions"),
    ("decisions", "Agreed decisions"),
    ("reflection", "Reflection"),
]


class PromptBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=r"^[a-z0-9_]+$",
        help_text="A short name for the prompt: lower-case letters, digits and underscores.",
        error_messages={"invalid": "Use lower-case letters, digits and underscores only."},
    )
    heading = blocks.CharBlock(help_text="The question supervisor and supervisee answer.")
    guidance = blocks.TextBlock(required=False)

    class Meta:
        icon = "help"


class SectionBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=SECTION_KINDS)
    heading = blocks.CharBlock()
    guidance = blocks.TextBlock(required=False)
    prompts = blocks.ListBlock(PromptBlock())

    class Meta:
        icon = "list-ul"


class TemplateSectionsBlock(blocks.StreamBlock):
    section = SectionBlock()
