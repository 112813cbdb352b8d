/**
 * The extension's fixed ids, which enterprise policy files must name. The Chrome id follows from the public key in
 * wxt.config.ts (sha256 of the DER key, first 32 hex digits mapped 0-f to a-p); a test proves they agree.
 */
export const CHROME_EXTENSION_ID = 'panefockkbeooobjemlcjihjpegnkkcd';
export const FIREFOX_ADDON_ID = 'consent-gate@consentgate.example';

/**
 * The public half of the extension's signing key, set as the manifest `key` of Chromium builds so the unpacked and
 * the packed extension have the same id. Chromium ignores it for store-installed builds.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzzGtCpl8s7tW7zK+TBOlkKpliYRxweQNUjQxeZevA3O4jsrPkz23qwlKEFXJvpncxl/d5y823fu1reNF+LfaVNr7c+B8aifLL3RkP/AKkClVCfOv0qadVm5ZvyS9Daweoy+PdhAkSYVT44ig6U19YiQ6lT1PrKFqCkoUnR6DioN5b2NM6pOg/8wDZaB7YOZxNffM4+J9p4NZ6UrJZSY0Znsv4ybhcNqYKqU+bCKSx4B8mGEollAtvK/OxF3dPxyssZWXnzHAfNBfDpbrvFvmFS2i+S98QH+wt6xfoceTxtqYZJKZ47VCsmqVjyGIaYKQnkGmCipFd6jJ53mr7jIqgQIDAQAB';
