"""The grading engine: question loading, the sandboxed runner, checks and results.

Nothing here imports torch, TensorFlow or transformers; only the runner child does, and only
when the question's driver asks for them.
"""
