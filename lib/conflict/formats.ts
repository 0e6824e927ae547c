import type { ConflictFormat } from "./codebook";
import type { FormatSpec } from "./event";
import { ACLED_FORMAT } from "./parse-acled";
import { UCDP_FORMAT } from "./parse-ucdp";

export const FORMAT_SPECS: Record<ConflictFormat, FormatSpec> = { acled: ACLED_FORMAT, ucdp: UCDP_FORMAT };
