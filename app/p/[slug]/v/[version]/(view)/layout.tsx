/**
 * The version page's segment. Checks that the version exists before anything streams, so an unknown
 * one is a real 404 even with ./loading.tsx (see app/p/[slug]/(policy)/layout.tsx).
 */
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { versionFromParams } from "@/lib/data";

export default async function VersionLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string; version: string }>;
}) {
  if (!(await versionFromParams(await params))) notFound();
  return children;
}
