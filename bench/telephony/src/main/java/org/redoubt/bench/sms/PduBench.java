package org.redoubt.bench.sms;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import org.redoubt.telephony.sms.IncomingPdu;
import org.redoubt.telephony.sms.PduException;
import org.redoubt.telephony.sms.SmsCodec;
import org.redoubt.telephony.sms.SubmitOptions;
import org.redoubt.telephony.sms.SubmitPdu;

/**
 * SMS PDU codec throughput, in messages per millisecond: encoding a message into SMS-SUBMIT PDUs
 * and decoding SMS-DELIVER PDUs, for a single 7-bit SMS and a three-part UCS-2 (Chinese) message.
 * The baselines, measured in the same run, do the least any PDU path must: the text to UTF-16
 * octets to hex and back, with no SMS fields at all. The ratio codec/baseline is what the SMS
 * layer costs on top.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class PduBench {

    private static final OffsetDateTime SENT = OffsetDateTime.of(2026, 11, 24, 9, 30, 0, 0, ZoneOffset.ofHours(8));
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private final String latin = "Meeting moved to 10:00 in room 4. Bring the signed policy and the test handset; "
            + "we release once every check has passed. Thanks!";
    private final String chinese = "会议改到明天上午十点，在四号会议室。请带上已签名的策略文件和测试手机，我们需要在发布前完成所有的验证步骤。"
            + "如果有任何问题，请提前告诉我，我们会在会议开始之前解决。谢谢大家的配合，明天见！保密手机只在签名策略允许时才打开无线电。"
            + "所有更新都必须由发布密钥签名，并在安装前验证。";
    private List<String> latinDeliver;
    private List<String> chineseDeliver;
    private String chineseHex;

    @Setup
    public void encodeOnce() throws PduException {
        latinDeliver = SmsCodec.deliver("+4930123456", latin, SENT, 1, false);
        chineseDeliver = SmsCodec.deliver("+8613800138000", chinese, SENT, 2, false);
        if (latinDeliver.size() != 1 || chineseDeliver.size() != 3) {
            throw new IllegalStateException("texts of 1 and 3 parts expected, got " + latinDeliver.size() + " and "
                    + chineseDeliver.size());
        }
        chineseHex = HEX.formatHex(chinese.getBytes(StandardCharsets.UTF_16BE));
    }

    @Benchmark
    public List<SubmitPdu> encodeGsm7Single() throws PduException {
        return SmsCodec.submit("+4930123456", latin, SubmitOptions.withReference(1));
    }

    @Benchmark
    public List<SubmitPdu> encodeUcs2ThreeParts() throws PduException {
        return SmsCodec.submit("+8613800138000", chinese, SubmitOptions.withReference(2));
    }

    @Benchmark
    public IncomingPdu decodeGsm7Single() throws PduException {
        return SmsCodec.decode(latinDeliver.get(0));
    }

    @Benchmark
    public void decodeUcs2ThreeParts(Blackhole sink) throws PduException {
        for (String pdu : chineseDeliver) {
            sink.consume(SmsCodec.decode(pdu));
        }
    }

    /** Baseline for encoding: the Chinese text to UTF-16 octets to hex. */
    @Benchmark
    public String baselineTextToHex() {
        return HEX.formatHex(chinese.getBytes(StandardCharsets.UTF_16BE));
    }

    /** Baseline for decoding: hex to octets to the Chinese text. */
    @Benchmark
    public String baselineHexToText() {
        return new String(HEX.parseHex(chineseHex), StandardCharsets.UTF_16BE);
    }
}
