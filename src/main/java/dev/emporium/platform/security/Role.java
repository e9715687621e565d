package dev.emporium.platform.security;

/** What a user may do. The name is the MicroProfile JWT group and the value stored in users.role. */
public enum Role {
    CUSTOMER,
    ADMIN;

    public static final String CUSTOMER_NAME = "CUSTOMER";
    public static final String ADMIN_NAME = "ADMIN";
}
