"""Small drills for the crisisdrill unit tests, and a Hypothesis strategy for random drill graphs."""

from hypothesis import strategies as st

from crisisdrill import content
from crisisdrill.content import Checklist, Choice, Drill, Ending, Option, Order, Step, Variable
from noturiba.olx import parse_string


def drill(*nodes, start=None, variables=(), **kwargs):
    return Drill(start=start or nodes[0].id, nodes=tuple(nodes), variables=tuple(variables), **kwargs)


def step(node_id, *choices, **kwargs):
    return Step(id=node_id, text=f"<p>{node_id}</p>", choices=tuple(choices), **kwargs)


def choice(choice_id, goto, points=0.0, **kwargs):
    return Choice(id=choice_id, goto=goto, label=f"<em>{choice_id}</em>", points=float(points), **kwargs)


def ending(node_id, rating="good"):
    return Ending(id=node_id, text=f"<p>{node_id}</p>", rating=rating)


def checklist(node_id, goto, *options, capacity=None):
    return Checklist(id=node_id, goto=goto, text="<p>Pack</p>", options=tuple(options), capacity=capacity)


def option(option_id, size=1, required=False, harmful=False):
    return Option(id=option_id, label=option_id, size=size, required=required, harmful=harmful)


def order(node_id, goto, *option_ids):
    return Order(id=node_id, goto=goto, text="<p>Order</p>", options=tuple(Option(i, i) for i in option_ids))


def variable(var_id, initial=0, low=0, high=10):
    return Variable(id=var_id, label=var_id.title(), initial=initial, min=low, max=high)


def parse_text(xml):
    return content.parse(parse_string(xml))


@st.composite
def graphs(draw, max_nodes=9):
    """A random valid-or-not drill: steps with 1..3 choices to any node (loops allowed), 1..2 endings."""
    count = draw(st.integers(min_value=1, max_value=max_nodes))
    endings = draw(st.integers(min_value=1, max_value=2))
    step_ids = [f"s{i}" for i in range(count)]
    end_ids = [f"e{i}" for i in range(endings)]
    targets = step_ids + end_ids
    nodes = []
    for number, step_id in enumerate(step_ids):
        choices = []
        for index in range(draw(st.integers(min_value=1, max_value=3))):
            choices.append(choice(f"{step_id}c{index}", draw(st.sampled_from(targets)),
                                  draw(st.integers(min_value=0, max_value=5)),
                                  critical=draw(st.booleans()) and index > 0))
        # a guaranteed forward edge keeps many generated graphs finishable
        if number + 1 < count:
            choices.append(choice(f"{step_id}next", step_ids[number + 1], draw(st.integers(0, 3))))
        else:
            choices.append(choice(f"{step_id}end", end_ids[0], draw(st.integers(0, 3))))
        nodes.append(step(step_id, *choices))
    nodes.extend(ending(end_id, draw(st.sampled_from(content.RATINGS))) for end_id in end_ids)
    return drill(*nodes)
