package io.borderflow.ingest.domain.waittimes;

import io.borderflow.events.BorderWaitReported;
import io.borderflow.events.Direction;
import io.borderflow.events.LaneType;
import io.borderflow.events.ReportedStatus;
import io.borderflow.events.SeriesKey;
import io.borderflow.events.catalog.Crossing;
import io.borderflow.events.catalog.CrossingCatalog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads CBP's Border Wait Times XML ({@code bwt.xml}) into one {@link BorderWaitReported} per catalog crossing
 * and commercial lane type. The feed is untrusted: a DOCTYPE is refused outright (so no external entity, no DTD,
 * no entity expansion can happen), and anything that is not a {@code border_wait_time} document with ports —
 * an HTML error page, truncated XML — is a {@link FeedRejected}. The caller caps the body's size.
 */
public final class BorderWaitFeedParser {

    /** The feed's {@code last_updated_*} is CBP's Eastern time (both recorded snapshots agree with their ports). */
    static final ZoneId FEED_ZONE = ZoneId.of("America/New_York");

    private static final DateTimeFormatter FEED_DATE_TIME = DateTimeFormatter.ofPattern("y-M-d H:m:s", Locale.ROOT);
    private static final DateTimeFormatter RECORD_DATE = DateTimeFormatter.ofPattern("M/d/y", Locale.ROOT);

    private final CrossingCatalog catalog;

    public BorderWaitFeedParser(CrossingCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param body      the feed's bytes (the XML declaration names its encoding; the 2014 feed is ISO-8859-1)
     * @param fetchedAt when it was fetched: the feed's time when it gives none
     */
    public BorderWaitFeed parse(byte[] body, Instant fetchedAt) throws FeedRejected {
        Element root = document(body).getDocumentElement();
        if (!"border_wait_time".equals(root.getTagName())) {
            throw new FeedRejected("not a Border Wait Times document: root element <" + root.getTagName() + ">");
        }
        Instant generatedAt = feedTime(text(root, "last_updated_date"), text(root, "last_updated_time"))
                .orElse(fetchedAt);
        List<Element> ports = children(root, "port");
        if (ports.isEmpty()) {
            throw new FeedRejected("the feed lists no port");
        }
        List<BorderWaitReported> readings = new ArrayList<>();
        List<String> unknownPorts = new ArrayList<>();
        for (Element port : ports) {
            String number = text(port, "port_number");
            Optional<Crossing> crossing = catalog.byWaitTimesPortNumber(number);
            if (crossing.isEmpty()) {
                unknownPorts.add(number);
                continue;
            }
            readings.addAll(readings(port, crossing.get(), generatedAt));
        }
        return new BorderWaitFeed(generatedAt, List.copyOf(readings), List.copyOf(unknownPorts));
    }

    private static List<BorderWaitReported> readings(Element port, Crossing crossing, Instant generatedAt) {
        Element commercial = child(port, "commercial_vehicle_lanes");
        if (commercial == null) {
            return List.of();
        }
        LocalDate date = recordDate(text(port, "date"))
                .orElseGet(() -> LocalDate.ofInstant(generatedAt, crossing.zone()));
        boolean portOpen = !"closed".equalsIgnoreCase(text(port, "port_status"));
        Integer maximumLanes = number(text(commercial, "maximum_lanes"));
        List<BorderWaitReported> readings = new ArrayList<>(2);
        for (LaneType laneType : LaneType.values()) {
            Element lanes = child(commercial, laneType == LaneType.FAST ? "FAST_lanes" : "standard_lanes");
            Optional<ReportedStatus> status = lanes == null ? Optional.empty()
                    : status(text(lanes, "operational_status"));
            if (status.isEmpty()) {
                continue;
            }
            boolean waits = status.get() == ReportedStatus.NO_DELAY || status.get() == ReportedStatus.DELAY;
            Integer waitMinutes = waits ? ReportedDelay.minutes(text(lanes, "delay_minutes")) : null;
            Integer lanesOpen = status.get() == ReportedStatus.UNKNOWN ? null : number(text(lanes, "lanes_open"));
            Instant updatedAt = ReportedUpdateTime.parse(text(lanes, "update_time"), date, crossing.zone(),
                    generatedAt);
            readings.add(BorderWaitReported.of(updatedAt == null ? generatedAt : updatedAt,
                    new SeriesKey(crossing.id(), Direction.NORTHBOUND, laneType), crossing.cbpWaitTimesPortNumber(),
                    status.get(), waitMinutes, lanesOpen, maximumLanes, portOpen, updatedAt));
        }
        return readings;
    }

    /** Empty for "N/A": the port has no lanes of this type, so there is no reading at all. */
    static Optional<ReportedStatus> status(String text) {
        String status = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (status) {
            case "n/a" -> Optional.empty();
            case "no delay" -> Optional.of(ReportedStatus.NO_DELAY);
            case "delay" -> Optional.of(ReportedStatus.DELAY);
            case "lanes closed" -> Optional.of(ReportedStatus.LANES_CLOSED);
            default -> Optional.of(ReportedStatus.UNKNOWN);
        };
    }

    private static Optional<Instant> feedTime(String date, String time) {
        if (date == null || time == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDateTime.parse(date.trim() + " " + time.trim(), FEED_DATE_TIME)
                    .atZone(FEED_ZONE).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> recordDate(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(LocalDate.parse(text.trim(), RECORD_DATE));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Integer number(String text) {
        if (text == null || !text.trim().matches("\\d{1,4}")) {
            return null;
        }
        return Integer.valueOf(text.trim());
    }

    private static Document document(byte[] body) throws FeedRejected {
        try {
            DocumentBuilder builder = hardened().newDocumentBuilder();
            builder.setErrorHandler(RAISE);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entities are refused: " + systemId);
            });
            return builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException e) {
            throw new FeedRejected("unreadable XML: " + e.getMessage(), e);
        } catch (IOException | ParserConfigurationException e) {
            throw new FeedRejected("cannot read the feed: " + e.getMessage(), e);
        }
    }

    private static final ErrorHandler RAISE = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXParseException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXParseException {
            throw e;
        }
    };

    private static DocumentBuilderFactory hardened() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private static Element child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        Element element = child(parent, name);
        return element == null ? null : element.getTextContent().trim();
    }
}
