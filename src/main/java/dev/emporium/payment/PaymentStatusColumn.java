package dev.emporium.payment;

import dev.emporium.platform.persistence.WireNameColumn;
import jakarta.persistence.Converter;

/** How a payment's status is stored (payments.status): its wire name. */
@Converter
public class PaymentStatusColumn extends WireNameColumn<Payment.Status> {

    public PaymentStatusColumn() {
        super(Payment.Status.class);
    }
}
