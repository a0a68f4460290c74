// Baseline: import the package and nothing else. Other cases are reported net of this one.
import type { User } from "scimtype";
export type Baseline = User["name"];
