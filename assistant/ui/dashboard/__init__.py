"""The mentor dashboard and the account pages, served by the room's own server (routes mounted on Chainlit's
FastAPI app, as /healthz is): cohort table and analytics, read-only canvases with mentors' comments, CSV and
ZIP exports, sign-up with an invite code, a founder's data export and account deletion."""
