package org.nelm.security;

/** Claim names of our access tokens; they follow SailPoint's tokens so existing tooling can read them. */
final class TokenClaims {

    static final String CLIENT_ID = "client_id";
    static final String IDENTITY_ID = "identity_id";
    static final String USER_NAME = "user_name";
    static final String SCOPE = "scope";
    static final String AUTHORITIES = "authorities";
    static final String ISSUER = "nelm";

    private TokenClaims() {
    }
}
