# The coach in a container: the product only (no `dev` extra), installed exactly as pinned in uv.lock.
# Used by compose.yaml for the app processes, the one-off `coach db upgrade` / `coach index`, and the
# Chroma server (`chroma run`, from the chromadb package installed here). uv: the version that wrote uv.lock.
FROM python:3.11-slim
COPY --from=ghcr.io/astral-sh/uv:0.13.9 /uv /usr/local/bin/uv
WORKDIR /app
ENV UV_PROJECT_ENVIRONMENT=/opt/venv PATH=/opt/venv/bin:$PATH COACH_DATA_DIR=/var/lib/coach \
    COACH_KNOWLEDGE_DIR=/app/knowledge PYTHONUNBUFFERED=1
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --frozen --no-install-project
COPY assistant ./assistant
COPY knowledge ./knowledge
COPY prompts ./prompts
RUN uv sync --frozen && useradd --system --create-home coach && mkdir -p /var/lib/coach /data \
    && chown coach /var/lib/coach /data
USER coach
EXPOSE 8000
CMD ["coach", "ui", "--host", "0.0.0.0", "--port", "8000"]
