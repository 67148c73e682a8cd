-- Rare words need the planner to know how rare they are, or it picks a slow plan (STACK-NOTES).
ALTER TABLE "messages" ALTER COLUMN "search_vector" SET STATISTICS 1000;
--> statement-breakpoint
-- Every space has its 全员 channel; spaces made before chat existed get theirs here.
INSERT INTO "channels" ("id", "space_id", "name", "kind", "created_at", "updated_at")
SELECT gen_random_uuid(), "id", '全员', 'all', now(), now() FROM "spaces"
ON CONFLICT DO NOTHING;
