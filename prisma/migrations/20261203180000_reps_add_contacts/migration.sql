-- Reps may add contacts (issue 14): a workspace setting, on by default.
ALTER TABLE "workspace" ADD COLUMN "reps_add_contacts" BOOLEAN NOT NULL DEFAULT true;
