CREATE TABLE "kb_page_revisions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"page_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"restored_from" integer,
	"author_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_page_tags" (
	"page_id" uuid NOT NULL,
	"tag_id" uuid NOT NULL,
	CONSTRAINT "kb_page_tags_page_id_tag_id_pk" PRIMARY KEY("page_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "kb_pages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"space_id" uuid,
	"parent_id" uuid,
	"title" text NOT NULL,
	"content" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"position" double precision DEFAULT 0 NOT NULL,
	"promoted_from_id" uuid,
	"created_by" uuid,
	"updated_by" uuid,
	"search_text" text,
	"search_vector" "tsvector",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "kb_tag_sets" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"name" text NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kb_tags" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organization_id" uuid NOT NULL,
	"tag_set_id" uuid NOT NULL,
	"name" text NOT NULL,
	"color" text DEFAULT 'slate' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "retrospectives" (
	"space_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"problems" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"improvements" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"summary" text,
	"facts" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"completed_at" timestamp with time zone,
	"completed_by" uuid,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "search_text" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "file_versions" ADD COLUMN "extracted_text" text;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "search_text" text;--> statement-breakpoint
ALTER TABLE "files" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
ALTER TABLE "kb_page_revisions" ADD CONSTRAINT "kb_page_revisions_page_id_kb_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."kb_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_page_revisions" ADD CONSTRAINT "kb_page_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_page_tags" ADD CONSTRAINT "kb_page_tags_page_id_kb_pages_id_fk" FOREIGN KEY ("page_id") REFERENCES "public"."kb_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_page_tags" ADD CONSTRAINT "kb_page_tags_tag_id_kb_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "public"."kb_tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_parent_id_kb_pages_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."kb_pages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_promoted_from_id_kb_pages_id_fk" FOREIGN KEY ("promoted_from_id") REFERENCES "public"."kb_pages"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_pages" ADD CONSTRAINT "kb_pages_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_tag_sets" ADD CONSTRAINT "kb_tag_sets_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_tags" ADD CONSTRAINT "kb_tags_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kb_tags" ADD CONSTRAINT "kb_tags_tag_set_id_kb_tag_sets_id_fk" FOREIGN KEY ("tag_set_id") REFERENCES "public"."kb_tag_sets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_space_id_spaces_id_fk" FOREIGN KEY ("space_id") REFERENCES "public"."spaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retrospectives" ADD CONSTRAINT "retrospectives_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kb_page_revisions_page_id_version_idx" ON "kb_page_revisions" USING btree ("page_id","version");--> statement-breakpoint
CREATE INDEX "kb_page_tags_tag_id_idx" ON "kb_page_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "kb_pages_space_id_parent_id_idx" ON "kb_pages" USING btree ("space_id","parent_id");--> statement-breakpoint
CREATE INDEX "kb_pages_organization_id_parent_id_idx" ON "kb_pages" USING btree ("organization_id","parent_id") WHERE "kb_pages"."space_id" is null;--> statement-breakpoint
CREATE INDEX "kb_pages_search_vector_idx" ON "kb_pages" USING gin ("search_vector");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_tag_sets_name_idx" ON "kb_tag_sets" USING btree ("organization_id",lower("name"));--> statement-breakpoint
CREATE INDEX "kb_tags_organization_id_idx" ON "kb_tags" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "kb_tags_name_idx" ON "kb_tags" USING btree ("tag_set_id",lower("name"));--> statement-breakpoint
CREATE INDEX "tasks_search_vector_idx" ON "tasks" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "files_search_vector_idx" ON "files" USING gin ("search_vector");--> statement-breakpoint
-- Rare words need the planner to know how rare they are, or it picks a slow plan (STACK-NOTES).
ALTER TABLE "tasks" ALTER COLUMN "search_vector" SET STATISTICS 1000;
--> statement-breakpoint
ALTER TABLE "files" ALTER COLUMN "search_vector" SET STATISTICS 1000;
--> statement-breakpoint
ALTER TABLE "kb_pages" ALTER COLUMN "search_vector" SET STATISTICS 1000;
