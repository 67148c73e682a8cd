DROP INDEX "messages_space_id_idx";--> statement-breakpoint
CREATE INDEX "messages_space_id_seq_idx" ON "messages" USING btree ("space_id","seq");