/**
 * The one rule for the part of an output file's name that comes from a user's definition or data
 * (a figure id, a column): only letters, digits, `_` and `-` stay, so no name leaves the folder.
 */
export function fileNamePart(text: string): string {
  return text.replace(/[^0-9A-Za-z_-]/g, '_');
}
