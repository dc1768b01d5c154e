"""discrepancy: find where stated time windows contradict themselves or what was observed.

The public face is a few verbs; everything else lives one layer down:

* `find_times` (temporal layer): time expressions in a text, with values as ranges;
* `read_document` / `parse_document`: a text with its reference date and zone;
* `tag`: the time expressions of a document;
* `load_rules`: compile rule files (the built-in pack first);
* `check`: the findings of a document under a rule set;
* `check_many` / `tag_many`: the same over a stream of documents, lazily, in order, in
  parallel if asked, one `Outcome` (result or error) per document.
"""

from .api import check, tag
from .batch import Outcome, check_many, tag_many
from .documents import Document, parse_document, read_document
from .errors import DiscrepancyError, DocumentError
from .rules import load_rules
from .temporal import find_times

__version__ = "0.1.0"

__all__ = ["DiscrepancyError", "Document", "DocumentError", "Outcome", "check", "check_many", "find_times",
           "load_rules", "parse_document", "read_document", "tag", "tag_many"]
