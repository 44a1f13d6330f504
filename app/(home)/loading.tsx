/** Shown while this page's data loads. In a route group of its own, so it wraps this page only. */
export { Loading as default } from "@/components/Loading";
