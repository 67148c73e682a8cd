CREATE TABLE "user_favorite_departments" (
	"user_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_favorite_departments_user_id_department_id_pk" PRIMARY KEY("user_id","department_id")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "notification_preference" text DEFAULT 'important' NOT NULL;--> statement-breakpoint
ALTER TABLE "user_favorite_departments" ADD CONSTRAINT "user_favorite_departments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_favorite_departments" ADD CONSTRAINT "user_favorite_departments_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "user_favorite_departments_department_id_idx" ON "user_favorite_departments" USING btree ("department_id");