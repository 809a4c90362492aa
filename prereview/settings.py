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
    max_total_pixels: int = Field(
        400_000_000, gt=0, description="most pixels over all pages of one file (bounds memory: ~3 bytes each)"
    )
    pdf_dpi: int = Field(150, ge=72, le=400, description="render resolution for scanned PDF pages")
    min_cjk_ratio: float = Field(
        0.2, ge=0, le=1, description="a PDF text layer with fewer CJK characters is not trusted"
    )
    use_text_layer: bool = Field(
        True, description="read a PDF's own text layer when it passes the checks (else OCR)"
    )


class OcrSettings(BaseModel):
    engine: str = Field("rapid", description="OCR engine name: rapid | paddle | fake")
    threads: int = Field(
        1, ge=1, le=64, description="intra-op threads per engine (one per process is fastest)"
    )
    det_limit_side: int = Field(960, ge=320, le=4096, description="detector input: longest side limit")
    det_box_thresh: float = Field(
        0.3,
        gt=0,
        lt=1,
        description="detector: least mean text score of a kept box (RapidOCR's own default 0.5 drops "
        "lone short values such as a single digit or 名  称 spaced over a cell)",
    )
    paddle_det_dir: Path | None = Field(None, description="PaddleOCR text-detection model directory")
    paddle_rec_dir: Path | None = Field(None, description="PaddleOCR text-recognition model directory")


class QualitySettings(BaseModel):
    # Thresholds measured on rendered pages (tests/quality): see prereview/quality/__init__.py.
    analysis_side: int = Field(
        1000, ge=200, le=4000, description="quality measures run with the longest side at most this"
    )
    max_blur_px: float = Field(
        2.5, gt=0, description="estimated blur radius (px at analysis size) above this is blurry"
    )
    min_short_side: int = Field(
        500, ge=1, description="pages whose short side is below this many pixels are too small"
    )
    min_ink_fraction: float = Field(
        0.00005, ge=0, description="a page with less ink (share of pixels) is blank"
    )
    min_glare_area: float = Field(0.003, ge=0, description="smallest glare patch, as a share of the page")
    max_cut_off_share: float = Field(
        0.02, ge=0, description="material cut along more of a frame side than this is cut off"
    )


class ServiceSettings(BaseModel):
    """The web service: database, uploads, background jobs, tokens, retention."""

    database_url: str | None = Field(
        None,
        description="SQLAlchemy URL; default sqlite:///<data_dir>/prereview.db; postgresql://... at scale",
    )
    retention_days: int = Field(
        365, ge=1, description="applications, files and cached results older are purged"
    )
    max_upload_mb: float = Field(20.0, gt=0, description="largest accepted upload through the API, in MiB")
    uploads_per_minute: int = Field(60, ge=1, description="uploads one user may make per minute (then 429)")
    workers: int = Field(1, ge=1, le=32, description="pre-review worker threads sharing one OCR engine")
    job_max_attempts: int = Field(3, ge=1, le=20, description="tries before a job is marked failed")
    job_lease_seconds: float = Field(
        60.0, gt=0, description="a running job not renewed for this long is requeued"
    )
    job_poll_seconds: float = Field(0.5, gt=0, description="how often an idle worker looks for work")
    token_ttl_days: float = Field(30.0, gt=0, description="lifetime of a bearer token")


class ReviewSettings(BaseModel):
    """The rules layer: where the review points live and how sure a field must be to decide on it."""

    points_dir: Path = Field(
        default_factory=lambda: Path(__file__).resolve().parents[1] / "review_points",
        description="folder of the review-points YAML files (default: the repository's review_points/)",
    )
    min_field_confidence: float = Field(
        0.8, ge=0, le=1, description="a field read less surely sends the points resting on it to manual"
    )


class ModelSettings(BaseModel):
    """The learned understanding models: where they live, which version is active, which component runs.

    ``classifier``/``extractor`` name the registered components the pipeline builds (``anchors``,
    ``learned``, ``consensus``: the anchors and the learned classifier checking each other, or ``auto``:
    the learned KIE model for the types in ``learned_types``, anchors elsewhere). The defaults are what
    measured best on both the held-out synthetic recipe and the real folders (the model cards).
    """

    dir: Path | None = Field(
        None, description="models folder (default: models/ beside the prereview package)"
    )
    classifier_version: str = Field("v2", description="active version under <dir>/classifier/")
    kie_version: str = Field("v5", description="active version under <dir>/kie/")
    classifier: str = Field("consensus", description="material classifier: anchors | learned | consensus")
    extractor: str = Field("auto", description="field extractor: anchors | learned | auto")
    learned_types: list[str] = Field(
        default_factory=list,
        description="material types the auto extractor reads with the learned model (anchors for the rest); "
        "empty: KIE v5 matches or beats the anchors on seven types of the synthetic sets, but the real "
        "folders hold only ID-card fronts (a tie) and forms (the anchors ahead), so no type is shown to "
        "gain on real paper (models/kie/v5/model_card.md)",
    )
    threads: int = Field(1, ge=1, le=16, description="onnxruntime threads per model")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PREREVIEW_", env_nested_delimiter="__", extra="ignore")

    data_dir: Path = Field(Path("var"), description="database, uploaded files and job state")
    host: str = "127.0.0.1"
    port: int = 8000
    log_level: str = "INFO"
    ingest: IngestSettings = IngestSettings()
    ocr: OcrSettings = OcrSettings()
    quality: QualitySettings = QualitySettings()
    service: ServiceSettings = ServiceSettings()
    review: ReviewSettings = ReviewSettings()
    models: ModelSettings = ModelSettings()

    @property
    def database_url(self) -> str:
        """``service.database_url``, or the embedded SQLite file under ``data_dir``."""
        return self.service.database_url or f"sqlite:///{self.data_dir.resolve() / 'prereview.db'}"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """Settings read once per process; tests build their own ``Settings(...)``."""
    return Settings()
