package io.caseflow.taskid;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes task ids as {@code base64url(fields).base64url(HMAC-SHA256(fields))} and checks them on the
 * way back. Deterministic: the same {@link TaskId} and key always give the same string.
 *
 * <p>Decoding checks the signature before anything reads the fields' meaning, so a forged or altered
 * id never reaches the store. Thread-safe.
 *
 * <pre>{@code
 * TaskIdCodec codec = new TaskIdCodec(secretKeyBytes);
 * String id = codec.encode(new TaskId(processId, "orders", "v1", "chargePayment", 7));
 * TaskId back = codec.decode(id); // throws InvalidTaskIdException if altered
 * }</pre>
 */
public final class TaskIdCodec {

    public static final int MIN_KEY_BYTES = 16;
    private static final byte VERSION = 1;
    private static final int SIGNATURE_BYTES = 16;
    private static final int MAX_ID_CHARS = 2048;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public TaskIdCodec(byte[] secret) {
        if (secret == null || secret.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the task id key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        newMac(); // fail now, not on the first message, if the JVM lacks HMAC-SHA256
    }

    public String encode(TaskId id) {
        byte[] fields = fields(id);
        return ENCODER.encodeToString(fields) + "." + ENCODER.encodeToString(sign(fields));
    }

    public TaskId decode(String text) throws InvalidTaskIdException {
        if (text == null || text.isEmpty()) {
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.MALFORMED, "it is empty");
        }
        if (text.length() > MAX_ID_CHARS) {
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.MALFORMED, "it is longer than " + MAX_ID_CHARS + " characters");
        }
        int dot = text.indexOf('.');
        if (dot <= 0 || dot != text.lastIndexOf('.')) {
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.MALFORMED, "expected two parts separated by one '.'");
        }
        byte[] fields;
        byte[] signature;
        try {
            fields = DECODER.decode(text.substring(0, dot));
            signature = DECODER.decode(text.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.MALFORMED, "not base64url (" + e.getMessage() + ")");
        }
        if (signature.length != SIGNATURE_BYTES) {
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.TRUNCATED,
                    "signature has " + signature.length + " bytes, expected " + SIGNATURE_BYTES);
        }
        if (!ENCODER.encodeToString(fields).equals(text.substring(0, dot))
                || !ENCODER.encodeToString(signature).equals(text.substring(dot + 1))) {
            // Base64 lets some characters vary without changing the bytes; accept one spelling only.
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.MALFORMED, "not in canonical base64url form");
        }
        if (!MessageDigest.isEqual(sign(fields), signature)) {
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.BAD_SIGNATURE,
                    "the signature does not match; the id was altered or made with another key");
        }
        return parse(fields);
    }

    private static byte[] fields(TaskId id) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            writeString(out, id.processId());
            writeString(out, id.caseName());
            writeString(out, id.caseApi());
            writeString(out, id.stage());
            out.writeLong(id.step());
        } catch (IOException e) {
            throw new IllegalStateException(e); // cannot happen in memory
        }
        return bytes.toByteArray();
    }

    private static void writeString(DataOutputStream out, String value) throws IOException {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static TaskId parse(byte[] fields) throws InvalidTaskIdException {
        ByteBuffer in = ByteBuffer.wrap(fields);
        try {
            byte version = in.get();
            if (version != VERSION) {
                throw new InvalidTaskIdException(InvalidTaskIdException.Reason.UNKNOWN_VERSION, "version " + version);
            }
            TaskId id = new TaskId(readString(in), readString(in), readString(in), readString(in), in.getLong());
            if (in.hasRemaining()) {
                throw new InvalidTaskIdException(InvalidTaskIdException.Reason.MALFORMED, in.remaining() + " unexpected trailing bytes");
            }
            return id;
        } catch (BufferUnderflowException e) {
            throw new InvalidTaskIdException(InvalidTaskIdException.Reason.TRUNCATED, "the fields end early");
        }
    }

    private static String readString(ByteBuffer in) {
        int length = Short.toUnsignedInt(in.getShort());
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private byte[] sign(byte[] fields) {
        return Arrays.copyOf(macs.get().doFinal(fields), SIGNATURE_BYTES);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
