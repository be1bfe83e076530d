"""Graders: the framework-free grading engine (`graders.engine`) and one judge per question.

A question's judge lives at `graders/<topic>/<slug>.py` and runs in the trusted parent process;
its driver, `graders/<topic>/<slug>_driver.py`, is the only part copied into the sandbox.
"""
