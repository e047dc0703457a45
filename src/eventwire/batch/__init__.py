"""Batch runs: one code path (``process_partition``), two runners.

- ``run_local`` (``local.py``): every core of one machine, streaming, in order.
- the Spark job (``spark.py``, ``spark_submit.py``): the same function inside
  ``mapPartitions``, writing Parquet tables partitioned by date.

See ``docs/scaling.md``.
"""

from __future__ import annotations

from .local import analyse_stream, default_workers, run_local, run_local_rows
from .partition import ROW_FIELDS, process_partition, row_outcome

__all__ = ["ROW_FIELDS", "analyse_stream", "default_workers", "process_partition", "row_outcome", "run_local", "run_local_rows"]
