"""The one place settings come from: environment variables with the prefix ``PREREVIEW_``.

Nested groups use a double underscore: ``PREREVIEW_OCR__ENGINE=paddle``,
``PREREVIEW_INGEST__MAX_FILE_MB=30``. Nothing else in prereview reads ``os.environ``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class IngestSettings(BaseModel):
    max_file_mb: float = Field(50.0, gt=0, description="largest accepted upload, in MiB")
    max_pages: int = Field(50, gt=0, description="most pages read from one file")
    # A 50-megapixel phone photo (8160x6144) must pass; a decompression bomb (e.g. 50000x50000) must not.
    max_pixels: int = Field(80_000_000, gt=0, description="most pixels per decoded page")
    pdf_dpi: int = Field(150, ge=72, le=400, description="render resolution for scanned PDF pages")
    min_cjk_ratio: float = Field(0.2, ge=0, le=1, description="a PDF text layer with fewer CJK characters is not trusted")


class OcrSettings(BaseModel):
    engine: str = Field("rapid", description="OCR engine name: rapid | paddle | fake")
    threads: int = Field(1, ge=1, le=64, description="intra-op threads per engine (one per process is fastest)")
    det_limit_side: int = Field(960, ge=320, le=4096, description="detector input: longest side limit")
    paddle_det_dir: Path | None = Field(None, description="PaddleOCR text-detection model directory")
    paddle_rec_dir: Path | None = Field(None, description="PaddleOCR text-recognition model directory")


class QualitySettings(BaseModel):
    blur_threshold: float = Field(60.0, description="variance of Laplacian on a 1000px page below this is blurry")
    min_short_side: int = Field(600, description="pages whose short side is below this many pixels are too small")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PREREVIEW_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(Path("var"), description="database, uploaded files and job state")
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "INFO"
    ingest: IngestSettings = IngestSettings()  # type: ignore[call-arg]
    ocr: OcrSettings = OcrSettings()  # type: ignore[call-arg]
    quality: QualitySettings = QualitySettings()  # type: ignore[call-arg]


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process; tests build their own ``Settings(...)``."""
    return Settings()
