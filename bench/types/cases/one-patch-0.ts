// TYPES.md row 3, reference point: one typed PATCH call, which builds User's PATCH table once.
import { patch, UserResourceType } from "scimtype";
export const first = patch(UserResourceType).replace("displayName", "Babs Jensen");
