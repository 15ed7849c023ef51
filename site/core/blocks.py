"""StreamField blocks shared by the site's editable pages."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class CalloutBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "help"
        template = "core/blocks/callout.html"


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(help_text="The line people click to open the details.")
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ol", "ul"])

    class Meta:
        icon = "collapse-down"
        template = "core/blocks/details.html"


class GuidanceStreamBlock(blocks.StreamBlock):
    heading = blocks.CharBlock(form_classname="title", template="core/blocks/heading.html")
    paragraph = blocks.RichTextBlock(features=["h3", "bold", "italic", "link", "ol", "ul"])
    callout = CalloutBlock()
    details = DetailsBlock()
    image = ImageBlock()
