/** The compare routes' not-found page (HTTP 404): which version is missing and what remains. */
import { MissingVersion } from "@/components/diff/MissingVersion";
import { listCompareChoices } from "@/lib/data/compare";
import { getI18n } from "@/lib/i18n-server";

export async function CompareNotFound() {
  const [choices, { t }] = await Promise.all([listCompareChoices(), getI18n()]);
  return <MissingVersion choices={choices} m={t.compare} title={t.compare.notFoundTitle} />;
}
