ALTER TABLE "tasks" ADD COLUMN "title_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "title_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "kb_pages" ADD COLUMN "title_vector" "tsvector";--> statement-breakpoint
CREATE INDEX "tasks_title_vector_idx" ON "tasks" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "tasks_space_id_updated_at_idx" ON "tasks" USING btree ("space_id","updated_at");--> statement-breakpoint
CREATE INDEX "files_title_vector_idx" ON "files" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "files_space_id_updated_at_idx" ON "files" USING btree ("space_id","updated_at");--> statement-breakpoint
CREATE INDEX "kb_pages_title_vector_idx" ON "kb_pages" USING gin ("title_vector");--> statement-breakpoint
CREATE INDEX "kb_pages_space_id_updated_at_idx" ON "kb_pages" USING btree ("space_id","updated_at");