import { CompareNotFound } from "@/app/compare/missing";

export default CompareNotFound;
