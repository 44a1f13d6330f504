import { CompareNotFound } from "../missing";

export default CompareNotFound;
