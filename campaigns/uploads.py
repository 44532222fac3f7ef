"""Checking uploaded campaign material: its type by content, its size and its name.

A file is accepted only when its first bytes (and, for office files, its inner structure) show it
is one of a few document, image and video formats. The name someone gave a file is never trusted:
the download name is rebuilt from a cleaned stem and the extension of the detected type, and the
file is stored under a random name. Files are always served as downloads (see views.material).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import StopFutureHandlers, TemporaryFileUploadHandler
from django.http import HttpRequest
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

MB = 1024 * 1024
EDITOR_MAX_UPLOAD_BYTES = 20 * MB
PUBLIC_MAX_UPLOAD_BYTES = 10 * MB


@dataclass(frozen=True)
class FileType:
    content_type: str
    extension: str
    name: str


PDF = FileType("application/pdf", "pdf", "PDF")
PNG = FileType("image/png", "png", "PNG")
JPEG = FileType("image/jpeg", "jpg", "JPEG")
WEBP = FileType("image/webp", "webp", "WebP")
MP4 = FileType("video/mp4", "mp4", "MP4")
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", "Word")
PPTX = FileType("application/vnd.openxmlformats-officedocument.presentationml.presentation", "pptx", "PowerPoint")
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", "Excel")
ODT = FileType("application/vnd.oasis.opendocument.text", "odt", "OpenDocument")
ODP = FileType("application/vnd.oasis.opendocument.presentation", "odp", "OpenDocument")
ODS = FileType("application/vnd.oasis.opendocument.spreadsheet", "ods", "OpenDocument")

ALLOWED_TYPES = [PDF, PNG, JPEG, WEBP, MP4, DOCX, PPTX, XLSX, ODT, ODP, ODS]
FORMAT_NAMES = {file_type.content_type: file_type.name for file_type in ALLOWED_TYPES}
ALLOWED_EXTENSIONS_TEXT = "PDF, PNG, JPG, WebP, MP4, DOCX, PPTX, XLSX, ODT, ODP, ODS"
ACCEPT_ATTRIBUTE = ",".join(f".{file_type.extension}" for file_type in ALLOWED_TYPES) + ",.jpeg"

_MP4_BRANDS = {b"isom", b"iso2", b"iso4", b"iso5", b"iso6", b"mp41", b"mp42", b"avc1", b"M4V ", b"dash", b"MSNV"}
_OOXML_PARTS = [("word/", DOCX), ("ppt/", PPTX), ("xl/", XLSX)]
_ODF_TYPES = {ft.content_type.encode(): ft for ft in (ODT, ODP, ODS)}
_MAX_ZIP_ENTRIES = 5000


class RejectedUpload(ValidationError):
    pass


def _reject() -> RejectedUpload:
    return RejectedUpload(
        _("This file type is not accepted. Upload a %(types)s file.") % {"types": ALLOWED_EXTENSIONS_TEXT},
        code="file_type",
    )


def _office_type(upload: UploadedFile) -> FileType:
    """An office file is a zip archive; look inside without extracting anything."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            infos = archive.infolist()
            if len(infos) > _MAX_ZIP_ENTRIES:
                raise _reject()
            names = [info.filename for info in infos]
            if any(name.lower().endswith("vbaproject.bin") for name in names):
                raise RejectedUpload(
                    _("Office files with macros are not accepted. Save the file without macros and try again."),
                    code="macros",
                )
            if "[Content_Types].xml" in names:
                for prefix, file_type in _OOXML_PARTS:
                    if any(name.startswith(prefix) for name in names):
                        return file_type
            if names and names[0] == "mimetype" and infos[0].file_size < 100:
                mimetype = archive.read("mimetype").strip()
                if mimetype in _ODF_TYPES:
                    return _ODF_TYPES[mimetype]
    except (zipfile.BadZipFile, OSError, EOFError, KeyError, RuntimeError, NotImplementedError):
        raise _reject() from None
    finally:
        upload.seek(0)
    raise _reject()


def detect_type(upload: UploadedFile) -> FileType:
    """The file's type, read from its content. Raises RejectedUpload for anything else."""
    upload.seek(0)
    head = upload.read(64)
    upload.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return MP4
    if head.startswith(b"PK\x03\x04"):
        return _office_type(upload)
    raise _reject()


def safe_download_name(original: str, file_type: FileType) -> str:
    """A plain ASCII name with the detected extension: 'Affiche (NL).PDF.exe' → 'affiche-nl-pdf.pdf'."""
    stem = PurePath(original.replace("\\", "/")).name
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = slugify(stem)[:80].strip("-_") or "materiaal"
    return f"{stem}.{file_type.extension}"


def too_big_message(limit: int) -> str:
    return str(_("The file is larger than %(size)d MB. Choose a smaller file.") % {"size": limit // MB})


def check_upload(upload: UploadedFile, limit: int) -> tuple[FileType, str]:
    """Check size and type; return the type and the safe name to download it under."""
    if upload.size is not None and upload.size > limit:
        raise RejectedUpload(too_big_message(limit), code="file_size")
    if not upload.size:
        raise RejectedUpload(_("The file is empty."), code="empty")
    file_type = detect_type(upload)
    return file_type, safe_download_name(upload.name or "", file_type)


class LimitedUploadHandler(TemporaryFileUploadHandler):
    """Stores an upload up to `limit` bytes; beyond it, the rest is read and thrown away.

    The other fields of the form are still parsed, so a form with an oversize file can be shown
    again with everything else the person typed. Oversize field names end up in
    `request.oversize_uploads`.
    """

    def __init__(self, request: HttpRequest, limit: int):
        super().__init__(request)
        self.limit = limit
        self.received = 0
        self.too_big = False
        request.oversize_uploads = []

    def new_file(self, *args, **kwargs) -> None:
        self.received = 0
        self.too_big = False
        super().new_file(*args, **kwargs)
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.received += len(raw_data)
        if self.received > self.limit:
            self.too_big = True
            return None
        return super().receive_data_chunk(raw_data, start)

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if self.too_big:
            self.file.close()
            self.request.oversize_uploads.append(self.field_name)
            return None
        return super().file_complete(file_size)
