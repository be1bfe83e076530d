"""Runs in the sandbox: call pagerank on each graph."""


def run(solution, inputs, ctx):
    kwargs = {"damping": inputs["damping"]} if inputs["damping"] is not None else {}
    return solution.pagerank(inputs["adj"].copy(), **kwargs)
