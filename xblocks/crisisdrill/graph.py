"""The drill as a graph: validation, reachability and the best reachable score. Pure and linear-time.

Edges: a step's choices (`goto`, worth the choice's points) and its `timeout`
(worth 0); a checklist's or order's `goto`. Endings have no edges.

Node weights (documented scoring rule, also used by grading.py):
- a choice is worth its `points`, counted once per attempt even when a loop
  brings the learner back to it;
- a checklist node is worth NODE_WEIGHT (2) points times
  clamp(required picked / required total - 0.5 * harmful picked, 0, 1)
  (required total 0 counts as all picked);
- an order node is worth NODE_WEIGHT times the share of option pairs put in
  the right relative order (Kendall-tau-like; a single option counts as right);
- timeouts and endings are worth 0.

Best score: the most points a learner can collect from `start` to an ending.
Because each choice counts once per attempt, a walk inside a strongly
connected component (a loop) can collect every choice of that component and
then leave by its best exit. So the best score is a longest-path computation
over the DAG of strongly connected components (Tarjan, iterative): for a
component C, best(C) = internal(C) + max over exits e (points(e) + best(target)),
where internal(C) sums the points of C's own choices and the full weight of its
checklist/order nodes. Critical choices are left out of the best score (a
critical choice never belongs to a good path) unless a component has no other
exit. `requires` conditions are ignored here: the best is an upper bound, exact
when the best path's conditions hold (authors should keep it so).
"""

from noturiba.messages import Message, Problem

from .model import Checklist, Ending, Order, Step

NODE_WEIGHT = 2.0


def edges(item):
    """(target id, points, critical, choice id or None) of one node."""
    if isinstance(item, Step):
        result = [(c.goto, c.points, c.critical, c.id) for c in item.choices]
        if item.timeout:
            result.append((item.timeout, 0.0, False, None))
        return result
    if isinstance(item, Checklist | Order):
        return [(item.goto, 0.0, False, None)]
    return []


def node_weight(item):
    return NODE_WEIGHT if isinstance(item, Checklist | Order) else 0.0


def _successors(model):
    index = model.index()
    return {item.id: [target for target, *_ in edges(item) if target in index] for item in model.nodes}


def reachable_from(model, start):
    successors = _successors(model)
    if start not in successors:
        return set()
    seen, stack = {start}, [start]
    while stack:
        for target in successors[stack.pop()]:
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def can_finish(model):
    """Ids of the nodes from which some ending is reachable (reverse search from the endings)."""
    predecessors = {item.id: [] for item in model.nodes}
    for source, targets in _successors(model).items():
        for target in targets:
            predecessors[target].append(source)
    ends = [item.id for item in model.nodes if isinstance(item, Ending)]
    seen, stack = set(ends), list(ends)
    while stack:
        for source in predecessors[stack.pop()]:
            if source not in seen:
                seen.add(source)
                stack.append(source)
    return seen


def problems(model):
    """Graph problems as Problems (errors name the node id)."""
    found = []
    index = model.index()
    declared = model.variable_ids()

    def error(message, node_id):
        found.append(Problem("error", message, node_id))

    if model.start not in index:
        error(Message("The start node \"{id}\" does not exist.", id=model.start), None)
    elif isinstance(index[model.start], Ending):
        error(Message("The drill starts at an ending; start at a step."), model.start)
    if not any(isinstance(item, Ending) for item in model.nodes):
        error(Message("The drill has no ending."), None)
    for item in model.nodes:
        if isinstance(item, Step):
            if not item.choices:
                error(Message("The step \"{id}\" has no choices.", id=item.id), item.id)
            elif all(c.requires is not None for c in item.choices) and not item.timeout:
                error(Message("The step \"{id}\" needs at least one choice without a condition.", id=item.id),
                      item.id)
            for choice in item.choices:
                if choice.goto not in index:
                    error(Message("The choice \"{choice}\" in \"{id}\" leads to \"{target}\", which does not exist.",
                                  choice=choice.id, id=item.id, target=choice.goto), item.id)
                for effect in choice.effects:
                    if effect.var not in declared:
                        error(Message("The choice \"{choice}\" in \"{id}\" changes the undeclared variable \"{var}\".",
                                      choice=choice.id, id=item.id, var=effect.var), item.id)
                if choice.requires is not None and choice.requires.var not in declared:
                    error(Message("The choice \"{choice}\" in \"{id}\" requires the undeclared variable \"{var}\".",
                                  choice=choice.id, id=item.id, var=choice.requires.var), item.id)
            if item.timeout is not None and item.timeout not in index:
                error(Message("The timeout of \"{id}\" leads to \"{target}\", which does not exist.",
                              id=item.id, target=item.timeout), item.id)
            if item.time_limit and not item.timeout:
                error(Message("The step \"{id}\" has a time limit but no timeout node.", id=item.id), item.id)
        elif isinstance(item, Checklist | Order):
            if item.goto not in index:
                error(Message("The node \"{id}\" leads to \"{target}\", which does not exist.",
                              id=item.id, target=item.goto), item.id)
            if len(item.options) < (1 if isinstance(item, Checklist) else 2):
                error(Message("The node \"{id}\" has too few options.", id=item.id), item.id)
            if isinstance(item, Checklist) and item.capacity is not None:
                needed = sum(o.size for o in item.options if o.required)
                if needed > item.capacity:
                    error(Message("The required items of \"{id}\" need {needed} units but the capacity is "
                                  "{capacity}.", id=item.id, needed=needed, capacity=item.capacity), item.id)
    if model.start in index:
        reached = reachable_from(model, model.start)
        finishing = can_finish(model)
        for item in model.nodes:
            if item.id not in reached:
                error(Message("The node \"{id}\" cannot be reached from the start.", id=item.id), item.id)
            elif item.id not in finishing:
                error(Message("No ending can be reached from \"{id}\" (a dead end or a loop without an exit).",
                              id=item.id), item.id)
    return found


def components(model):
    """Tarjan's strongly connected components, iterative; returns {node id: component number}.

    Components are numbered in reverse topological order (a component's
    successors get smaller numbers), which is what `best_scores` needs.
    """
    successors = _successors(model)
    index_of, low, on_stack, stack, component = {}, {}, set(), [], {}
    counter = 0
    count = 0
    for root in successors:
        if root in index_of:
            continue
        work = [(root, 0)]
        while work:
            node, position = work[-1]
            if position == 0:
                index_of[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            targets = successors[node]
            if position < len(targets):
                work[-1] = (node, position + 1)
                target = targets[position]
                if target not in index_of:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index_of[target])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index_of[node]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component[member] = count
                    if member == node:
                        break
                count += 1
    return component


def best_scores(model):
    """{node id: the most points collectable from that node to an ending} (see the module docstring)."""
    comp = components(model)
    count = max(comp.values(), default=-1) + 1
    members = [[] for _ in range(count)]
    for item in model.nodes:
        members[comp[item.id]].append(item)
    index = model.index()
    best = [0.0] * count
    finishing = can_finish(model)
    for number in range(count):  # successors first (reverse topological numbering)
        internal = 0.0
        exits, critical_exits = [], []
        for item in members[number]:
            internal += node_weight(item)
            for target, points, critical, _choice in edges(item):
                if target not in index:
                    continue
                if comp[target] == number:
                    if not critical:
                        internal += points
                elif target in finishing:
                    (critical_exits if critical else exits).append(points + best[comp[target]])
        options = exits or critical_exits
        best[number] = internal + (max(options) if options else 0.0)
    return {node_id: best[number] for node_id, number in comp.items()}


def best_total(model):
    """The best score from the start (the denominator of the grade)."""
    return best_scores(model).get(model.start, 0.0)


def best_choice(model, step, scores=None):
    """The choice of `step` on the best path from it (never a critical one), or None."""
    scores = best_scores(model) if scores is None else scores
    candidates = [(c.points + scores.get(c.goto, 0.0), -position, c)
                  for position, c in enumerate(step.choices) if not c.critical and c.goto in scores]
    return max(candidates, key=lambda entry: entry[:2])[2] if candidates else None


def choice_value(choice, scores):
    return choice.points + scores.get(choice.goto, 0.0)
