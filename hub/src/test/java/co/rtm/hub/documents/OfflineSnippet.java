package co.rtm.hub.documents;

/** The offline check of docs/documents.md, verbatim between the markers (a test compares the two). */
final class OfflineSnippet {
    private OfflineSnippet() {
    }

    // snippet-start
    static boolean verify(String qr, String hubKeyX) throws Exception {
        int dot = qr.lastIndexOf('.');
        byte[] signed = qr.substring(0, dot).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] sig = java.util.Base64.getUrlDecoder().decode(qr.substring(dot + 1));
        byte[] raw = java.util.Base64.getUrlDecoder().decode(hubKeyX);  // 32 bytes, the JWK's "x"
        byte[] spki = new byte[44];  // X.509 SubjectPublicKeyInfo of an Ed25519 key: fixed 12-byte prefix + raw key
        System.arraycopy(java.util.HexFormat.of().parseHex("302a300506032b6570032100"), 0, spki, 0, 12);
        System.arraycopy(raw, 0, spki, 12, 32);
        var key = java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(spki));
        var v = java.security.Signature.getInstance("Ed25519");
        v.initVerify(key);
        v.update(signed);
        return qr.startsWith("RTM1.") && v.verify(sig);
    }
    // snippet-end
}
