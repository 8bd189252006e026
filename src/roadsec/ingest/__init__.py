"""Stage 1: path or bytes -> Document (decode, normalize line breaks, repair mojibake)."""

from roadsec.ingest.decode import MAX_BYTES, decode_bytes
from roadsec.ingest.reader import read_bytes, read_path

__all__ = ["MAX_BYTES", "decode_bytes", "read_bytes", "read_path"]
