/**
 * /api/compare's query: `from` and `to` as slug@versionKey, `ignore` as on the compare page
 * (lib/view/url.ts parseIgnore: absent means whitespace,width; "none" means nothing). Framework-free.
 */
import { z } from "zod";
import { parseAddress, parseIgnore } from "../view/url.ts";

function addressSchema(example: string) {
  return z.string().transform((value, ctx) => {
    const address = parseAddress(value);
    if (!address) {
      ctx.addIssue({ code: "custom", message: `must be slug@versionKey, e.g. ${example}` });
      return z.NEVER;
    }
    return address;
  });
}

export const compareQuerySchema = z.object({
  from: addressSchema("zh-migu-bookstore-privacy@2022-06-29"),
  to: addressSchema("zh-migu-kuaiyou-privacy@2021-12-29"),
  ignore: z
    .string()
    .nullable()
    .transform((value, ctx) => {
      const ignore = parseIgnore(value);
      if (!ignore.ok) {
        ctx.addIssue({ code: "custom", message: ignore.reason });
        return z.NEVER;
      }
      return ignore.ignore;
    }),
});
