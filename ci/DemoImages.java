import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Draws the demo catalog's product pictures: one flat SVG illustration per demo product, OUT/SKU.svg.
 * The products (SKU and name) are read from the demo data script, so every demo product gets a picture and the
 * picture's title is the product's name. Deterministic: the same script gives the same files, byte for byte
 * (colours and proportions come from a hash of the SKU). Every shape is drawn here; no fonts but generic families.
 * Run with the JDK alone: java ci/DemoImages.java OUT [DEMO_DATA_SQL]
 */
public class DemoImages {

    static final Path DEFAULT_SQL = Path.of("src/main/resources/db/demo/R__demo_data.sql");
    static final int SIZE = 400;

    /** A drawing of one kind of product, in a 400 x 400 box standing on a floor at y = 312. */
    interface Drawing {
        void draw(Svg svg, Look look);
    }

    static final Map<String, Drawing> DRAWINGS = drawings();

    static Map<String, Drawing> drawings() {
        Map<String, Drawing> m = new LinkedHashMap<>();
        m.put("DEMO-HOME-001", DemoImages::desk);
        m.put("DEMO-HOME-002", DemoImages::officeChair);
        m.put("DEMO-HOME-003", DemoImages::deskLamp);
        m.put("DEMO-HOME-004", DemoImages::deskPad);
        m.put("DEMO-HOME-005", DemoImages::monitorArm);
        m.put("DEMO-HOME-006", DemoImages::cableTray);
        m.put("DEMO-HOME-007", DemoImages::footrest);
        m.put("DEMO-HOME-008", DemoImages::speakerStands);
        m.put("DEMO-HOME-009", DemoImages::penHolder);
        m.put("DEMO-KITC-001", DemoImages::skillet);
        m.put("DEMO-KITC-002", DemoImages::knife);
        m.put("DEMO-KITC-003", DemoImages::pourOver);
        m.put("DEMO-KITC-004", DemoImages::stockPot);
        m.put("DEMO-KITC-005", DemoImages::cuttingBoard);
        m.put("DEMO-KITC-006", DemoImages::kitchenScale);
        m.put("DEMO-KITC-007", DemoImages::dutchOven);
        m.put("DEMO-KITC-008", DemoImages::grinder);
        m.put("DEMO-KITC-009", DemoImages::towels);
        m.put("DEMO-OUTD-001", DemoImages::tent);
        m.put("DEMO-OUTD-002", DemoImages::sleepingBag);
        m.put("DEMO-OUTD-003", DemoImages::campStove);
        m.put("DEMO-OUTD-004", DemoImages::trekkingPoles);
        m.put("DEMO-OUTD-005", DemoImages::bottle);
        m.put("DEMO-OUTD-006", DemoImages::headlamp);
        m.put("DEMO-OUTD-007", DemoImages::kneeler);
        m.put("DEMO-OUTD-008", DemoImages::hammock);
        m.put("DEMO-OUTD-009", DemoImages::campChair);
        m.put("DEMO-ELEC-001", DemoImages::powerBank);
        m.put("DEMO-ELEC-002", DemoImages::charger);
        m.put("DEMO-ELEC-003", DemoImages::keyboard);
        m.put("DEMO-ELEC-004", DemoImages::mouse);
        m.put("DEMO-ELEC-005", DemoImages::webcam);
        m.put("DEMO-ELEC-006", DemoImages::smartPlug);
        m.put("DEMO-ELEC-007", DemoImages::portableSsd);
        m.put("DEMO-ELEC-008", DemoImages::speaker);
        m.put("DEMO-HEAD-001", DemoImages::headphones);
        m.put("DEMO-HEAD-002", DemoImages::earbuds);
        m.put("DEMO-HEAD-003", DemoImages::studioHeadphones);
        m.put("DEMO-HEAD-004", DemoImages::sportEarbuds);
        m.put("DEMO-HEAD-005", DemoImages::headphoneStand);
        m.put("DEMO-HEAD-006", DemoImages::openBackHeadphones);
        for (int i = 1; i <= 7; i++) {
            m.put(String.format("DEMO-BOOK-%03d", i), DemoImages::book);
        }
        return m;
    }

    /** Soft backgrounds, one per category (the SKU's middle part). */
    static final Map<String, String> BACKGROUNDS = Map.of(
            "HOME", "#F3EADF", "KITC", "#FBE9DF", "OUTD", "#E3EEE1",
            "ELEC", "#E2EAF3", "HEAD", "#ECE5F4", "BOOK", "#F5EFD9");

    static final String[] COLOURS = {"#E07A5F", "#3D5A80", "#81B29A", "#E9B44C", "#5B8E7D", "#BC4B51", "#386FA4",
            "#F4A259", "#8D6A9F", "#2A9D8F", "#C8553D", "#4F6D7A"};
    static final String[] WOODS = {"#A8744F", "#C49A6C", "#8B5A3C", "#B9855A"};

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java ci/DemoImages.java OUT_DIR [DEMO_DATA_SQL]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        Map<String, String> products = demoProducts(args.length > 1 ? Path.of(args[1]) : DEFAULT_SQL);
        checkEveryProductIsDrawn(products);
        Files.createDirectories(out);
        for (Map.Entry<String, String> product : products.entrySet()) {
            String svg = picture(product.getKey(), product.getValue());
            Files.writeString(out.resolve(product.getKey() + ".svg"), svg, StandardCharsets.UTF_8);
        }
        System.out.println("wrote " + products.size() + " pictures to " + out);
    }

    /** SKU to name, in the script's order, from its VALUES rows: ('category-slug', 'SKU', 'Name', ...). */
    static Map<String, String> demoProducts(Path sql) throws IOException {
        Pattern row = Pattern.compile("\\(\\s*'[a-z0-9-]+',\\s*'(DEMO-[A-Z]+-\\d+)',\\s*'((?:[^']|'')*)'");
        Matcher m = row.matcher(Files.readString(sql));
        Map<String, String> products = new LinkedHashMap<>();
        while (m.find()) {
            products.put(m.group(1), m.group(2).replace("''", "'"));
        }
        return products;
    }

    static void checkEveryProductIsDrawn(Map<String, String> products) {
        TreeSet<String> undrawn = new TreeSet<>(products.keySet());
        undrawn.removeAll(DRAWINGS.keySet());
        TreeSet<String> unknown = new TreeSet<>(DRAWINGS.keySet());
        unknown.removeAll(products.keySet());
        if (!undrawn.isEmpty() || !unknown.isEmpty()) {
            throw new IllegalStateException("demo products without a drawing: " + undrawn
                    + "; drawings without a demo product: " + unknown);
        }
    }

    static String picture(String sku, String name) {
        Look look = new Look(sku, name);
        Svg svg = new Svg();
        svg.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + SIZE + " " + SIZE
                + "\" role=\"img\" aria-labelledby=\"t\">");
        svg.raw("<title id=\"t\">" + xml(name) + "</title>");
        svg.rect(0, 0, SIZE, SIZE, 0, look.background);
        svg.circle(200, 196, 150, shade(look.background, 0.95));
        svg.faded(".08").ellipse(200, 314, 135, 11, "#000").end();
        DRAWINGS.get(sku).draw(svg, look);
        svg.raw("</svg>\n");
        return svg.toString();
    }

    // ---- home office ----

    static void desk(Svg s, Look l) {
        int top = 150 + l.vary(0, 30);
        s.rect(110, top + 16, 24, 296 - top, 3, l.steel).rect(266, top + 16, 24, 296 - top, 3, l.steel);
        s.rect(114, top + 16, 16, 70, 2, l.ink).rect(270, top + 16, 16, 70, 2, l.ink);
        s.rect(84, 302, 76, 10, 5, l.ink).rect(240, 302, 76, 10, 5, l.ink);
        s.rect(60, top, 280, 18, 5, l.wood).rect(60, top + 12, 280, 6, 3, shade(l.wood, 0.8));
        laptop(s, l, 170, top);
        s.rect(262, top - 34, 26, 34, 5, l.accent).rect(288, top - 26, 8, 14, 4, l.accent);
    }

    static void laptop(Svg s, Look l, int x, int deskTop) {
        s.path("M" + (x + 8) + " " + (deskTop - 4) + "l10 -66h76l10 66z", l.ink);
        s.path("M" + (x + 20) + " " + (deskTop - 10) + "l8 -54h56l8 54z", l.main);
        s.rect(x - 6, deskTop - 6, 124, 6, 3, l.metal);
    }

    static void officeChair(Svg s, Look l) {
        int[] wheels = {110, 160, 240, 290};
        s.line(200, 290, 110, 302, l.ink, 10).line(200, 290, 290, 302, l.ink, 10);
        s.line(200, 290, 160, 306, l.ink, 10).line(200, 290, 240, 306, l.ink, 10);
        for (int x : wheels) {
            s.circle(x, 306, 8, l.steel);
        }
        s.rect(192, 230, 16, 62, 4, l.steel);
        s.rect(138, 70 + l.vary(0, 16), 124, 140, 40, l.main);
        s.faded(".25").stroke("M160 110h80M160 135h80M160 160h80M160 185h80", l.light, 3).end();
        s.rect(180, 190, 40, 40, 6, l.ink);
        s.stroke("M112 220v-28h30M288 220v-28h-30", l.ink, 10);
        s.rect(104, 214, 192, 30, 15, l.dark);
    }

    static void deskLamp(Svg s, Look l) {
        int reach = l.vary(0, 24);
        s.faded(".35").path("M" + (262 + reach) + " 150l-70 150h150z", "#FFE8A3").end();
        s.ellipse(150, 304, 64, 10, l.ink).rect(128, 292, 44, 12, 6, l.ink);
        s.stroke("M150 292L" + (112 - reach / 2) + " 190L" + (232 + reach) + " 120", l.main, 12);
        s.circle(112 - reach / 2, 190, 10, l.dark);
        s.rotate(35, 262 + reach, 132).path("M" + (222 + reach) + " 150q40 -60 80 0z", l.main)
                .rect(252 + reach, 108, 20, 14, 4, l.dark).end();
        s.ellipse(264 + reach, 150, 26, 7, "#FFF3C4");
    }

    static void deskPad(Svg s, Look l) {
        s.rect(40, 120, 320, 180, 20, l.dark).rect(48, 128, 304, 164, 14, l.main);
        s.raw("<defs><pattern id=\"k\" width=\"16\" height=\"16\" patternUnits=\"userSpaceOnUse\" x=\"84\" y=\"170\">"
                + "<rect x=\"1\" y=\"1\" width=\"14\" height=\"14\" rx=\"3\" fill=\"" + l.light + "\"/></pattern></defs>");
        s.rect(76, 162, 184, 80, 8, l.ink).rect(84, 170, 160, 64, 0, "url(#k)");
        s.rect(284, 172, 44, 66, 22, l.light).line(306, 174, 306, 196, l.steel, 2);
    }

    static void monitorArm(Svg s, Look l) {
        s.rect(30, 296, 340, 16, 4, l.wood);
        s.rect(78, 280, 28, 44, 4, l.ink).rect(84, 150, 16, 140, 5, l.steel);
        s.line(92, 160, 190, 130, l.metal, 14).line(190, 130, 262, 150, l.metal, 12);
        s.circle(92, 160, 12, l.ink).circle(190, 130, 10, l.ink);
        s.rect(150, 70 + l.vary(0, 12), 210, 132, 8, l.ink).rect(158, 78 + l.vary(0, 12), 194, 112, 3, l.main);
        s.faded(".25").path("M158 " + 190 + "L260 80H352V120Z", l.light).end();
    }

    static void cableTray(Svg s, Look l) {
        s.rect(30, 84, 340, 22, 4, l.wood).rect(30, 100, 340, 6, 3, shade(l.wood, 0.8));
        s.line(100, 106, 100, 150, l.steel, 6).line(300, 106, 300, 150, l.steel, 6);
        s.rect(112, 124, 176, 26, 6, l.light).circle(145, 137, 6, l.ink).circle(185, 137, 6, l.ink)
                .circle(225, 137, 6, l.ink).circle(265, 137, 6, l.ink);
        s.path("M80 140h240l-14 56h-212z", l.steel);
        s.faded(".3").stroke("M100 156h200M104 172h192", l.light, 3).end();
        s.stroke("M145 196c0 50 -40 50 -40 110", l.main, 6).stroke("M225 196c0 40 60 50 60 110", l.accent, 6);
        s.stroke("M185 196c0 50 20 60 10 110", l.ink, 6);
    }

    static void footrest(Svg s, Look l) {
        s.path("M150 256h100l34 52h-168z", l.ink);
        s.circle(200, 256, 12, l.steel);
        s.rotate(-8 - l.vary(0, 6), 200, 236).rect(70, 220, 260, 30, 12, l.main)
                .faded(".35").stroke("M100 235h200", l.light, 4).stroke("M110 227h180M110 243h180", l.dark, 3).end()
                .end();
    }

    static void speakerStands(Svg s, Look l) {
        for (int x : new int[] {122, 278}) {
            s.path("M" + (x - 50) + " 312h100v-30l-100 -14z", l.light);
            s.rotate(-8, x, 200).rect(x - 42, 130, 84, 128, 10, l.main)
                    .circle(x, 222, 26, l.ink).circle(x, 222, 10, l.steel).circle(x, 166, 11, l.ink).end();
        }
    }

    static void penHolder(Svg s, Look l) {
        s.line(180, 200, 150, 90 + l.vary(0, 20), l.main, 10).line(200, 200, 214, 80, l.ink, 9);
        s.line(218, 200, 262, 100, l.accent, 10).line(190, 200, 184, 104, l.steel, 7);
        s.circle(214, 80, 4, l.steel);
        s.rect(140, 176, 120, 136, 14, l.wood).ellipse(200, 180, 60, 10, shade(l.wood, 0.7));
        s.faded(".25").stroke("M150 214q50 8 100 0M150 250q50 -8 100 0M150 284q50 6 100 0", shade(l.wood, 0.6), 3)
                .end();
    }

    // ---- kitchen ----

    static void skillet(Svg s, Look l) {
        s.rotate(-24, 180, 200).rect(260, 188, 130, 26, 13, l.ink).circle(368, 201, 6, l.background).end();
        s.circle(170, 200, 112, l.ink).circle(170, 200, 96, "#3A3836");
        s.path("M126 196c-8 -40 40 -58 64 -40c30 -2 40 40 18 58c-10 30 -62 30 -70 2c-14 -4 -14 -14 -12 -20z",
                l.light);
        s.circle(168, 188, 15, "#F2B21B");
        s.faded(".2").stroke("M96 160q20 -50 70 -58", l.light, 6).end();
    }

    static void knife(Svg s, Look l) {
        s.rotate(-30 + l.vary(0, 8), 200, 200);
        s.path("M150 176h190q24 0 34 24q-60 30 -224 30z", l.metal);
        s.faded(".5").path("M150 214q120 4 210 -10q-40 22 -210 26z", l.steel).end();
        s.rect(140, 172, 14, 60, 4, l.steel).rect(34, 180, 110, 42, 16, l.main);
        s.circle(64, 201, 5, l.metal).circle(94, 201, 5, l.metal).circle(124, 201, 5, l.metal);
        s.end();
    }

    static void pourOver(Svg s, Look l) {
        s.faded(".55").path("M168 190h64l44 104q4 18 -14 18h-124q-18 0 -14 -18z", l.light).end();
        s.path("M143 250h114l18 44q4 16 -14 16h-122q-18 0 -14 -16z", "#6B4A33");
        s.stroke("M168 190h64l44 104q4 18 -14 18h-124q-18 0 -14 -18z", l.steel, 3);
        s.rect(166, 214, 68, 22, 6, l.wood).line(200, 214, 200, 236, shade(l.wood, 0.7), 3);
        s.path("M134 104h132l-40 76h-52z", l.main).rect(156, 174, 88, 12, 6, l.dark);
        s.rect(128, 98, 144, 12, 6, l.dark);
    }

    static void stockPot(Svg s, Look l) {
        pot(s, l.metal, l.steel, l.ink, 150);
        s.faded(".35").rect(116, 186, 18, 110, 9, l.light).end();
        s.rect(100, 276, 200, 12, 0, l.steel);
    }

    static void dutchOven(Svg s, Look l) {
        pot(s, l.main, l.dark, l.ink, 96 + l.vary(0, 14));
        s.faded(".25").rect(116, 236, 18, 60, 9, l.light).end();
    }

    static void pot(Svg s, String body, String rim, String knob, int height) {
        int top = 310 - height;
        s.rect(66, top + 24, 44, 18, 9, knob).rect(290, top + 24, 44, 18, 9, knob);
        s.rect(96, top, 208, height, 18, body);
        s.rect(86, top - 16, 228, 20, 10, rim).path("M112 " + (top - 14) + "q88 -34 176 0z", rim);
        s.rect(184, top - 44, 32, 20, 8, knob);
    }

    static void cuttingBoard(Svg s, Look l) {
        String bamboo = "#D8B57A";
        s.rect(60, 120, 280, 180, 20, shade(bamboo, 0.85)).rect(60, 114, 280, 180, 20, bamboo);
        s.stroke("M80 134h240v140h-240z", shade(bamboo, 0.8), 4);
        s.faded(".35").stroke("M120 134v140M170 134v140M220 134v140M270 134v140", shade(bamboo, 0.75), 2).end();
        s.circle(300, 150, 9, shade(bamboo, 0.7));
        s.circle(150, 224, 38, "#D64545").circle(150, 224, 30, "#F06A5D");
        s.faded(".6").path("M150 198l8 22 -8 28 -8 -28z", "#FFD0C4").end();
        s.path("M216 238l60 -58c8 6 10 10 4 18l-58 48z", l.metal).rect(246, 224, 46, 14, 7, l.ink);
    }

    static void kitchenScale(Svg s, Look l) {
        s.rect(86, 210, 228, 100, 20, l.main).rect(96, 196, 208, 20, 10, l.metal);
        s.rect(148, 240, 104, 40, 8, l.ink);
        s.text(200, 270, 24, "monospace", "#9BE7B0", String.valueOf(250 + l.vary(0, 500)) + " g");
        s.circle(130, 280, 8, l.dark).circle(270, 280, 8, l.dark);
        s.path("M118 132h164q-4 64 -82 64q-78 0 -82 -64z", l.accent).ellipse(200, 132, 82, 12, shade(l.accent, 0.75));
        s.ellipse(200, 134, 70, 8, "#F3E6C8");
        s.faded(".25").stroke("M136 150q8 26 34 34", l.light, 6).end();
    }

    static void grinder(Svg s, Look l) {
        s.faded(".5").path("M148 60h104l-14 100h-76z", l.light).end();
        s.stroke("M148 60h104l-14 100h-76z", l.steel, 3);
        int[][] beans = {{176, 140}, {198, 146}, {220, 138}, {186, 124}, {210, 126}, {196, 108}};
        for (int[] b : beans) {
            s.ellipse(b[0], b[1], 9, 6, "#6B4A33");
        }
        s.rect(150, 160, 100, 120, 12, l.main).circle(200, 206, 22, l.metal).line(200, 206, 212, 192, l.ink, 4);
        s.rect(180, 244, 40, 18, 4, l.ink);
        s.rect(132, 280, 136, 32, 10, l.ink);
    }

    static void towels(Svg s, Look l) {
        String[] colours = {l.light, l.main, l.accent};
        for (int i = 0; i < 3; i++) {
            int y = 258 - i * 52;
            int x = 90 + (i % 2) * 12;
            s.rect(x, y, 208, 54, 12, colours[i]).rect(x, y + 44, 208, 10, 5, shade(colours[i], 0.85));
            s.rect(x + 150, y, 12, 54, 0, i == 0 ? l.main : l.light);
        }
    }

    // ---- outdoor ----

    static void tent(Svg s, Look l) {
        s.stroke("M40 312l70 -120M360 312l-70 -120", l.steel, 2);
        s.path("M200 96L336 306H64z", l.main).path("M200 96L336 306H262z", l.dark);
        s.path("M200 160L244 306H156z", l.ink).path("M200 160L222 306H178z", shade(l.ink, 1.4));
        s.line(200, 96, 200, 80, l.ink, 4).line(52, 312, 348, 312, l.ink, 4);
    }

    static void sleepingBag(Svg s, Look l) {
        s.path("M64 258q0 -62 70 -62h150q56 4 56 58q0 52 -56 56h-150q-70 0 -70 -52z", l.main);
        s.path("M64 258q0 -62 70 -62h10q-30 20 -30 62q0 30 30 52h-10q-70 0 -70 -52z", l.dark);
        s.faded(".3").stroke("M170 200v106M210 198v110M250 198v110M290 200v106", l.dark, 4).end();
        s.line(114, 232, 330, 232, l.accent, 4);
        s.ellipse(92, 258, 16, 30, l.ink);
    }

    static void campStove(Svg s, Look l) {
        s.faded(".7").path("M200 100q-22 30 -6 56q-22 -6 -12 -28q-16 24 0 44h36q18 -22 -4 -52q-2 18 -12 20q6 -24 -2 -40z",
                "#4FA3E0").end();
        s.line(150, 170, 250, 170, l.steel, 6).line(160, 170, 190, 190, l.steel, 5).line(240, 170, 210, 190, l.steel, 5);
        s.rect(184, 174, 32, 46, 6, l.metal);
        s.rect(130, 216, 140, 96, 24, l.main).rect(130, 244, 140, 30, 0, l.light);
        s.rect(214, 226, 24, 10, 5, l.ink);
    }

    static void trekkingPoles(Svg s, Look l) {
        pole(s, l, 150, 166 - l.vary(0, 8));
        pole(s, l, 250, 234 + l.vary(0, 8));
    }

    /** One pole from its tip on the floor at foot to its grip at (top, 70): strap, cork grip, two sections. */
    static void pole(Svg s, Look l, int foot, int top) {
        int grip = top + (foot - top) / 5;
        int joint = (foot + top) / 2;
        s.stroke("M" + top + " 90q" + (foot < 200 ? "-40 10 -30 60" : "40 10 30 60"), l.main, 5);
        s.line(top, 70, joint, 190, l.steel, 8).line(joint, 190, foot, 306, l.dark, 7);
        s.line(top, 74, grip, 130, "#C9A27A", 20).line(top, 68, top, 70, l.ink, 22);
        s.ellipse(foot + (top - foot) / 12, 282, 20, 5, l.ink);
    }

    static void bottle(Svg s, Look l) {
        int height = 196 + l.vary(0, 20);
        int top = 310 - height;
        s.stroke("M184 " + (top - 18) + "q16 -30 32 0", l.ink, 7);
        s.rect(172, top - 22, 56, 34, 8, l.ink);
        s.rect(156, top + 6, 88, height - 4, 26, l.main).rect(156, top + 90, 88, 26, 0, l.accent);
        s.faded(".3").rect(170, top + 24, 14, height - 60, 7, l.light).end();
    }

    static void headlamp(Svg s, Look l) {
        s.faded(".25").circle(200, 246, 96, "#FFE8A3").circle(200, 246, 64, "#FFE8A3").end();
        s.stroke("M80 176a120 64 0 1 1 240 0", l.main, 20)
                .stroke("M80 176q0 40 60 56M320 176q0 40 -60 56", l.dark, 20);
        s.rect(146, 204, 108, 74, 22, l.ink).circle(200, 242, 26, l.steel).circle(200, 242, 18, "#FFF3C4");
        s.circle(236, 214, 5, "#E05B5B");
    }

    static void kneeler(Svg s, Look l) {
        s.stroke("M112 300v-120q0 -22 22 -22h12q22 0 22 22v70", l.ink, 12);
        s.stroke("M288 300v-120q0 -22 -22 -22h-12q-22 0 -22 22v70", l.ink, 12);
        s.rect(92, 238, 216, 52, 20, l.main).faded(".3").rect(104, 246, 192, 12, 6, l.light).end();
        s.line(100, 304, 124, 304, l.ink, 10).line(276, 304, 300, 304, l.ink, 10);
    }

    static void hammock(Svg s, Look l) {
        String leaves = "#5E9C6A";
        for (int x : new int[] {60, 340}) {
            s.rect(x - 12, 120, 24, 192, 6, l.woodDark());
            s.circle(x, 100, 56, leaves).circle(x + (x < 200 ? 30 : -30), 130, 36, shade(leaves, 0.85));
        }
        s.line(72, 190, 110, 214, l.ink, 3).line(328, 190, 290, 214, l.ink, 3);
        s.path("M108 208q92 120 184 0q-20 40 -92 46q-72 -6 -92 -46z", l.main);
        s.stroke("M120 224q80 70 160 0", l.accent, 5);
    }

    static void campChair(Svg s, Look l) {
        s.line(120, 308, 272, 196, l.ink, 8).line(280, 308, 128, 196, l.ink, 8);
        s.rect(128, 90 + l.vary(0, 16), 144, 116, 12, l.main);
        s.path("M114 196h172l-12 40h-148z", l.dark);
        s.line(104, 186, 132, 186, l.ink, 8).line(268, 186, 296, 186, l.ink, 8);
        s.rect(272, 166, 22, 20, 4, l.accent);
    }

    // ---- electronics ----

    static void powerBank(Svg s, Look l) {
        s.rotate(-8 + l.vary(0, 6), 200, 200).rect(124, 80, 152, 232, 26, l.main).rect(186, 74, 28, 8, 4, l.ink);
        s.path("M206 150l-30 50h22l-8 44 32 -56h-22z", l.light);
        for (int i = 0; i < 4; i++) {
            s.circle(170 + i * 20, 284, 5, i < 3 ? "#9BE7B0" : l.dark);
        }
        s.end();
    }

    static void charger(Svg s, Look l) {
        s.rect(170, 86, 14, 44, 5, l.metal).rect(216, 86, 14, 44, 5, l.metal);
        s.rect(124, 126, 152, 152, 28, l.light).rect(124, 252, 152, 26, 13, shade(l.light, 0.92));
        s.rect(148, 200, 30, 12, 6, l.ink).rect(190, 200, 30, 12, 6, l.ink).rect(232, 200, 22, 12, 4, l.ink);
        s.rect(148, 156, 104, 8, 4, l.main);
        s.stroke("M163 212c0 60 60 96 140 80", l.ink, 7);
    }

    static void keyboard(Svg s, Look l) {
        s.raw("<defs><pattern id=\"k\" width=\"22\" height=\"22\" patternUnits=\"userSpaceOnUse\" x=\"57\" y=\"147\">"
                + "<rect x=\"2\" y=\"2\" width=\"18\" height=\"18\" rx=\"4\" fill=\"" + l.light + "\"/></pattern></defs>");
        s.rect(36, 130, 328, 150, 16, l.ink).rect(36, 270, 328, 12, 6, shade(l.ink, 0.8));
        s.rect(57, 147, 286, 88, 0, "url(#k)");
        s.rect(59, 237, 44, 18, 4, l.main).rect(127, 237, 146, 18, 4, l.light).rect(297, 237, 44, 18, 4, l.accent);
    }

    static void mouse(Svg s, Look l) {
        s.rotate(-14 + l.vary(0, 6), 200, 200).path("M200 74c70 0 84 90 84 150c0 56 -40 90 -84 90"
                + "c-44 0 -84 -34 -84 -90c0 -60 14 -150 84 -150z", l.main);
        s.line(200, 78, 200, 160, l.dark, 4);
        s.rect(192, 110, 16, 34, 8, l.ink).faded(".25").rect(140, 120, 16, 90, 8, l.light).end();
        s.end();
    }

    static void webcam(Svg s, Look l) {
        s.rect(40, 214, 320, 110, 10, l.ink).rect(52, 226, 296, 90, 4, l.main);
        s.faded(".2").path("M52 316L150 226H230L140 316Z", l.light).end();
        s.rect(176, 186, 48, 40, 6, l.dark);
        s.rect(104, 130, 192, 76, 38, l.ink).circle(200, 168, 30, l.steel).circle(200, 168, 20, "#1B1F2E");
        s.circle(192, 160, 5, l.light).circle(252, 154, 4, "#9BE7B0");
    }

    static void smartPlug(Svg s, Look l) {
        s.rect(196, 286, 8, 26, 3, l.metal);
        s.rect(120, 100, 160, 190, 44, l.light).rect(120, 264, 160, 26, 13, shade(l.light, 0.9));
        s.circle(200, 190, 56, shade(l.light, 0.9)).circle(182, 190, 7, l.ink).circle(218, 190, 7, l.ink);
        s.circle(200, 126, 7, l.main);
        s.stroke("M284 112q18 18 0 36M296 100q30 30 0 60", l.main, 5);
    }

    static void portableSsd(Svg s, Look l) {
        s.stroke("M200 300c0 30 70 30 120 0", l.ink, 7);
        s.rotate(-10 + l.vary(0, 4), 200, 200).rect(130, 90, 140, 206, 22, l.main).rect(150, 110, 100, 60, 8, l.dark);
        s.rect(186, 296, 28, 10, 3, l.steel).circle(250, 270, 5, "#9BE7B0").end();
    }

    static void speaker(Svg s, Look l) {
        s.raw("<defs><pattern id=\"g\" width=\"12\" height=\"12\" patternUnits=\"userSpaceOnUse\">"
                + "<circle cx=\"6\" cy=\"6\" r=\"3\" fill=\"" + l.dark + "\"/></pattern></defs>");
        s.rect(70, 150, 260, 140, 70, l.main).rect(100, 164, 200, 112, 8, "url(#g)");
        s.ellipse(80, 220, 24, 70, l.ink).ellipse(320, 220, 24, 70, l.ink);
        s.circle(170, 144, 6, l.light).circle(200, 142, 6, l.light).circle(230, 144, 6, l.light);
        s.stroke("M320 172q40 -10 34 -50", l.ink, 6);
    }

    // ---- headphones ----

    static void headphones(Svg s, Look l) {
        overEar(s, l.main, l.dark, l.ink, false);
    }

    static void studioHeadphones(Svg s, Look l) {
        overEar(s, l.ink, l.main, l.ink, false);
        s.stroke("M100 300q-20 10 -10 20", l.ink, 5);
    }

    static void openBackHeadphones(Svg s, Look l) {
        overEar(s, l.wood, l.ink, l.steel, true);
    }

    static void overEar(Svg s, String cups, String band, String pads, boolean openBack) {
        s.stroke("M112 216q0 -136 88 -136q88 0 88 136", band, 18);
        s.rect(120, 184, 30, 112, 14, pads).rect(250, 184, 30, 112, 14, pads);
        s.rect(78, 178, 62, 124, 30, cups).rect(260, 178, 62, 124, 30, cups);
        if (openBack) {
            s.raw("<g fill=\"none\" stroke=\"#2E2B2A\" stroke-width=\"3\" stroke-opacity=\".6\">"
                    + "<circle cx=\"109\" cy=\"240\" r=\"20\"/><circle cx=\"109\" cy=\"240\" r=\"10\"/>"
                    + "<circle cx=\"291\" cy=\"240\" r=\"20\"/><circle cx=\"291\" cy=\"240\" r=\"10\"/></g>");
        } else {
            s.faded(".2").rect(90, 196, 14, 80, 7, "#fff").rect(272, 196, 14, 80, 7, "#fff").end();
        }
    }

    static void earbuds(Svg s, Look l) {
        s.rect(120, 206, 160, 104, 44, l.light).line(124, 246, 276, 246, shade(l.light, 0.85), 3);
        s.circle(200, 282, 5, "#9BE7B0");
        bud(s, l, 150, 120, -14);
        bud(s, l, 250, 120, 14);
    }

    static void sportEarbuds(Svg s, Look l) {
        for (int x : new int[] {140, 260}) {
            s.stroke("M" + (x - 10) + " 196q-50 -50 0 -110q40 -30 60 10", l.ink, 9);
            s.circle(x, 200, 36, l.main).circle(x, 200, 18, l.ink).circle(x + 20, 226, 14, l.dark);
        }
    }

    static void bud(Svg s, Look l, int x, int y, int tilt) {
        s.rotate(tilt, x, y).rect(x - 9, y + 10, 18, 66, 9, l.light).circle(x, y, 28, l.light).circle(x, y, 12, l.main)
                .end();
    }

    static void headphoneStand(Svg s, Look l) {
        s.ellipse(200, 304, 70, 12, l.steel).rect(130, 292, 140, 12, 6, l.metal);
        s.rect(192, 120, 16, 176, 6, l.metal);
        s.transform("translate(60 30) scale(.7)");
        overEar(s, l.main, l.ink, l.dark, false);
        s.end();
        s.path("M156 102q44 -26 88 0v10q-44 -22 -88 0z", l.steel);
    }

    // ---- books ----

    static void book(Svg s, Look l) {
        int w = 176 + l.vary(0, 16);
        int x = 200 - w / 2;
        s.rect(x + 10, 70, w, 242, 4, l.light).rect(x + 12, 74, w, 234, 4, shade(l.light, 0.9));
        s.rect(x, 64, w, 248, 6, l.main).rect(x, 64, 18, 248, 4, l.dark);
        s.rect(x + 34, 96, w - 60, 4, 2, l.light).rect(x + 34, 250, w - 60, 4, 2, l.light);
        s.circle(x + 18 + (w - 18) / 2, 282, 12, l.accent);
        List<String> lines = wrap(l.name, 12);
        int y = 170 - (lines.size() - 1) * 15;
        for (String line : lines) {
            s.text(x + 18 + (w - 18) / 2, y, 24, "serif", l.light, line);
            y += 30;
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    // ---- colours and the SVG writer ----

    /** How one product looks: its category's background; main, accent and wood colours picked by its SKU's hash. */
    static final class Look {
        final Random random;
        final String main;
        final String dark;
        final String accent;
        final String wood;
        final String background;
        final String ink = "#2E2B2A";
        final String light = "#FBF8F3";
        final String metal = "#C9CFD6";
        final String steel = "#8C96A3";
        final String name;

        Look(String sku, String name) {
            this.name = name;
            random = new Random(fnv1a(sku));
            int first = random.nextInt(COLOURS.length);
            main = COLOURS[first];
            dark = shade(main, 0.75);
            accent = COLOURS[(first + 1 + random.nextInt(COLOURS.length - 1)) % COLOURS.length];
            wood = WOODS[random.nextInt(WOODS.length)];
            background = BACKGROUNDS.get(sku.split("-")[1]);
        }

        int vary(int from, int to) {
            return from + random.nextInt(to - from + 1);
        }

        String woodDark() {
            return shade(wood, 0.7);
        }
    }

    static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return hash;
    }

    /** The colour #RRGGBB with each channel times factor (below 1 darker, above 1 lighter). */
    static String shade(String hex, double factor) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int r = channel((rgb >> 16) & 0xff, factor);
        int g = channel((rgb >> 8) & 0xff, factor);
        int b = channel(rgb & 0xff, factor);
        return String.format("#%02X%02X%02X", r, g, b);
    }

    private static int channel(int value, double factor) {
        return (int) Math.min(255, Math.round(value * factor));
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Writes SVG elements; integer coordinates keep the files small and the output the same everywhere. */
    static final class Svg {
        private final StringBuilder out = new StringBuilder();

        Svg raw(String markup) {
            out.append(markup);
            return this;
        }

        Svg rect(int x, int y, int w, int h, int rx, String fill) {
            return raw("<rect x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h + "\""
                    + (rx > 0 ? " rx=\"" + rx + "\"" : "") + " fill=\"" + fill + "\"/>");
        }

        Svg circle(int cx, int cy, int r, String fill) {
            return raw("<circle cx=\"" + cx + "\" cy=\"" + cy + "\" r=\"" + r + "\" fill=\"" + fill + "\"/>");
        }

        Svg ellipse(int cx, int cy, int rx, int ry, String fill) {
            return raw("<ellipse cx=\"" + cx + "\" cy=\"" + cy + "\" rx=\"" + rx + "\" ry=\"" + ry
                    + "\" fill=\"" + fill + "\"/>");
        }

        Svg path(String d, String fill) {
            return raw("<path d=\"" + d + "\" fill=\"" + fill + "\"/>");
        }

        /** An outline only, with round ends: cables, straps, frames. */
        Svg stroke(String d, String colour, int width) {
            return raw("<path d=\"" + d + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"" + width
                    + "\" stroke-linecap=\"round\" stroke-linejoin=\"round\"/>");
        }

        Svg line(int x1, int y1, int x2, int y2, String colour, int width) {
            return stroke("M" + x1 + " " + y1 + "L" + x2 + " " + y2, colour, width);
        }

        Svg text(int x, int y, int size, String family, String fill, String text) {
            return raw("<text x=\"" + x + "\" y=\"" + y + "\" font-family=\"" + family + "\" font-size=\"" + size
                    + "\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"" + fill + "\">" + xml(text) + "</text>");
        }

        /** Opens a group; end() closes it. */
        Svg transform(String transform) {
            return raw("<g transform=\"" + transform + "\">");
        }

        Svg rotate(int degrees, int cx, int cy) {
            return transform("rotate(" + degrees + " " + cx + " " + cy + ")");
        }

        Svg faded(String opacity) {
            return raw("<g opacity=\"" + opacity + "\">");
        }

        Svg end() {
            return raw("</g>");
        }

        @Override
        public String toString() {
            return out.toString();
        }
    }
}
