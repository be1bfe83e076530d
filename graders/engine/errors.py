"""The bank's user-facing errors, in a module light enough for the CLI to import at start-up."""


class QuestionError(Exception):
    """A question file, or the files it needs, is invalid. The message names file and field."""


class GradingError(Exception):
    """The grading cannot start (bad device, missing framework). A user error, not a verdict."""


class SubmissionError(Exception):
    """A submission that cannot be read at all. The message says what to fix."""
