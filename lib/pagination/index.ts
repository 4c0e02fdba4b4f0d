// Cursor pagination, shared by every list that pages (the API's lists): the input, the SQL pieces and the page.
export { afterCursor, cursorAt, cursorOrder, PageInput, toPage, type Page } from "./cursor";
