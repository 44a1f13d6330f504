/**
 * The policy page's segment. Checks that the policy exists before anything streams: an unknown slug
 * is a real 404 (a notFound() thrown inside ./loading.tsx's Suspense boundary would come too late,
 * after a 200 had been sent). The page reads the same memoised result.
 */
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { policyFromParams } from "@/lib/data";

export default async function PolicyLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ slug: string }>;
}) {
  if (!(await policyFromParams(await params))) notFound();
  return children;
}
