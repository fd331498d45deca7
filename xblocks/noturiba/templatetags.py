"""`{% trans "..." %}` for block templates, translated by the block's own catalog.

Unlike Django's tag it reads the translator from the template context, so a
block's catalog never touches the process-wide Django translation.
"""

from django import template
from django.utils.html import conditional_escape

register = template.Library()


class TranslateNode(template.Node):
    def __init__(self, msgid):
        self.msgid = msgid

    def render(self, context):
        translate = context.get("_translate")
        return conditional_escape(translate(self.msgid) if translate else self.msgid)


@register.tag("trans")
def do_translate(parser, token):
    bits = token.split_contents()
    if len(bits) != 2 or bits[1][0] not in "\"'" or bits[1][-1] != bits[1][0]:
        raise template.TemplateSyntaxError("{% trans %} takes exactly one quoted string")
    return TranslateNode(bits[1][1:-1])
