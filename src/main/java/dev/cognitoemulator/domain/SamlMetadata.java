package dev.cognitoemulator.domain;

import dev.cognitoemulator.errors.CognitoException;
import dev.cognitoemulator.errors.ErrorCode;
import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * What Cognito reads from a SAML IdP's metadata document ({@code MetadataFile}): the IdP's single sign-on and
 * single logout locations for the HTTP-Redirect binding. Parsed with the JDK's parser, with no DTDs and no external
 * entities (an uploaded document never makes the emulator read a file or the network).
 */
public record SamlMetadata(String ssoRedirectUri, String sloRedirectUri) {

    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    public static SamlMetadata parse(String xml) {
        Document document = document(xml);
        NodeList descriptors = document.getElementsByTagNameNS(MD, "IDPSSODescriptor");
        if (descriptors.getLength() == 0) {
            throw unreadable();
        }
        Element idp = (Element) descriptors.item(0);
        String sso = redirectLocation(idp, "SingleSignOnService");
        if (sso == null) {
            // Captured: ssoready/dummyidp#10 (Cognito's answer to metadata without it).
            throw new CognitoException(ErrorCode.InvalidParameterException,
                    "No SingleSignOn Http redirect binding location found in metadata.");
        }
        return new SamlMetadata(sso, redirectLocation(idp, "SingleLogoutService"));
    }

    private static String redirectLocation(Element idp, String service) {
        NodeList services = idp.getElementsByTagNameNS(MD, service);
        for (int i = 0; i < services.getLength(); i++) {
            Element e = (Element) services.item(i);
            if (REDIRECT.equals(e.getAttribute("Binding")) && !e.getAttribute("Location").isBlank()) {
                return e.getAttribute("Location");
            }
        }
        return null;
    }

    private static Document document(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler());
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXException | IOException e) {
            throw unreadable();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses secure settings", e);
        }
    }

    /** Captured: ory/mocksaml#103 (the console's text for metadata Cognito cannot read; the API's unconfirmed). */
    private static CognitoException unreadable() {
        return new CognitoException(ErrorCode.InvalidParameterException, "Unable to unmarshall metadata");
    }
}
